# One image for web, worker and the one-shot migrate/seed job (docker-compose.yml picks the
# command). The worker and migrations run TypeScript through tsx, so sources stay in the image.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The production bundle is built once here, not at container start.
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# next start writes its cache under .next/cache: the app folder belongs to the unprivileged user.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
CMD ["npx", "next", "start", "-p", "3000", "-H", "0.0.0.0"]
