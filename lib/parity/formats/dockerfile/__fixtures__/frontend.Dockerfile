# Static site: node only builds, nginx serves.
FROM node:18 AS build
RUN npm ci && npm run build

FROM nginx:1.25-alpine
COPY --from=build /app/dist /usr/share/nginx/html
