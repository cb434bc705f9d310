Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = ENV["CI"].present?
  config.cache_store = :null_store
  config.active_storage.service = :test
  config.active_job.queue_adapter = :test
  config.action_mailer.delivery_method = :test
end
