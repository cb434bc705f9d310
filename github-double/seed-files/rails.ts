/** acme/storefront: a Rails app on SQLite in development, RDS PostgreSQL in Terraform. */
export const storefrontFiles: Record<string, string> = {
  Gemfile: `source "https://rubygems.org"

ruby "3.3.4"

gem "rails", "~> 7.2.1"
gem "sqlite3", ">= 1.4", group: [:development, :test]
gem "pg", "~> 1.5", group: :production
gem "puma", ">= 5.0"
gem "sidekiq", "~> 7.3"
gem "redis", ">= 4.0.1"

group :development, :test do
  gem "debug", platforms: %i[mri windows]
  gem "rspec-rails", "~> 6.1"
end
`,
  ".ruby-version": "3.3.4\n",
  "config/database.yml": `default: &default
  adapter: sqlite3
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>
  timeout: 5000

development:
  <<: *default
  database: storage/development.sqlite3

test:
  <<: *default
  database: storage/test.sqlite3

production:
  adapter: postgresql
  encoding: unicode
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>
  url: <%= ENV["DATABASE_URL"] %>
`,
  "config/cable.yml": `development:
  adapter: async

test:
  adapter: test

production:
  adapter: redis
  url: <%= ENV.fetch("REDIS_URL") { "redis://localhost:6379/1" } %>
  channel_prefix: storefront_production
`,
  "config/environments/production.rb": `require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }
  config.active_job.queue_adapter = :sidekiq
  config.active_storage.service = :amazon
  config.force_ssl = true
end
`,
  "config/environments/development.rb": `Rails.application.configure do
  config.enable_reloading = true
  config.eager_load = false
  config.cache_store = :memory_store
  config.active_storage.service = :local
end
`,
  ".env.example": `DATABASE_URL=
REDIS_URL=redis://localhost:6379/0
SECRET_KEY_BASE=
`,
  "infra/main.tf": `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_db_instance" "storefront" {
  identifier        = "storefront-prod"
  engine            = "postgres"
  engine_version    = "16.3"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "storefront"
  password          = var.db_password
}

resource "aws_elasticache_cluster" "storefront" {
  cluster_id      = "storefront-prod"
  engine          = "redis"
  engine_version  = "7.1"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-storefront-uploads"
}
`,
  ".github/workflows/ci.yml": `name: CI
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ruby/setup-ruby@v1
        with:
          ruby-version: "3.3.4"
          bundler-cache: true
      - run: bin/rails db:setup
      - run: bundle exec rspec
`,
  ".github/workflows/deploy.yml": `name: Deploy
on:
  workflow_dispatch:
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: bin/kamal deploy
`,
  "app/models/order.rb": `class Order < ApplicationRecord
  belongs_to :customer
  has_many :line_items, dependent: :destroy
end
`,
  "README.md": "# Storefront\n\nThe Acme online shop.\n",
};
