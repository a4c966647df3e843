# factsheet-bot as a container: compiled in a build stage with the development dependencies, run on a slim Node
# LTS image with the production dependencies and dist/ only, as the unprivileged `node` user.
#   docker build -t factsheet-bot .
#   docker run -d --init --env-file .env -v "$PWD/seeds:/app/seeds:ro" -p 127.0.0.1:8080:8080 factsheet-bot
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the prepare step would build before the sources are here; the build is its own step below.
# better-sqlite3 (the default database) is a native module: its install script fetches the prebuilt binary for
# this Node and platform (or compiles it where a toolchain is present); it is the one script run.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm run build
# The bundled documents, parsed now into the cache: a container serving them starts without parsing them again.
COPY seeds ./seeds
RUN CACHE_DIR=/app/cache SEEDS_DIR=/app/seeds npm run build-snapshot
# The production dependencies alone, the native module already built, for the runtime stage to copy.
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    SEEDS_DIR=/app/seeds \
    CACHE_DIR=/app/cache \
    DATA_DIR=/app/data \
    HTTP_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# /trend's chart font, loaded by file (no system fonts): DejaVu Sans from Debian's fonts-dejavu-core package,
# shipped in the repository so the image needs no apt-get.
COPY assets ./assets
# The parsed documents (each used only while its file holds the same bytes); the bot saves new ones there.
COPY --from=build --chown=node:node /app/cache ./cache
# The bundled document, served when nothing is mounted over the volume.
COPY seeds ./seeds
# The SQLite database (subscriptions, settings, fetched documents) and the fetched documents' folder.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/seeds", "/app/data"]
EXPOSE 8080
# node, not curl: the slim image has no curl. 60 s of grace for a large documents folder to load.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
# node itself as PID 1, not npm: SIGTERM from `docker stop` reaches the bot, which closes its connection and exits 0.
CMD ["node", "dist/src/main.js"]
