# One image for the api, admin, worker and portal processes (docker-compose.yml picks the command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# A 1 MB young generation, and glibc's malloc kept to 2 arenas instead of one per thread (the
# worker's Temporal core threads): keep api/admin/portal/worker RSS within quality.md P6 (see bench/README.md).
ENV NODE_OPTIONS=--max-semi-space-size=1
ENV MALLOC_ARENA_MAX=2
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001 3002 3003
CMD ["node", "dist/apps/api/src/main.js"]
