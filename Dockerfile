# One image for the server and the worker; the built web app is served by the server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json prisma.config.ts ./
COPY contract/package.json contract/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund
COPY prisma prisma
COPY contract contract
COPY server server
COPY web web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/prisma prisma
COPY --from=build /app/contract/package.json contract/
COPY --from=build /app/contract/dist contract/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/server/src/db/migration-adapter.ts server/src/db/migration-adapter.ts
COPY --from=build /app/web/dist web/dist
# The photo store (PHOTO_DIR), writable by the app; compose mounts a shared volume on it.
RUN mkdir -p /app/.data/photos && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
