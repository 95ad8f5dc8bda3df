# Memento server image: docker compose up (see compose.yaml and README "Deployment").

# --- build: restore and publish with the .NET SDK, and install the front-end packages with npm ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Memento.sln ./
COPY Memento.Server/Memento.Server.csproj Memento.Server/
COPY Memento.Domain/Memento.Domain.csproj Memento.Domain/
COPY Memento.Schema/Memento.Schema.csproj Memento.Schema/
COPY Memento.GraphQL/Memento.GraphQL.csproj Memento.GraphQL/
COPY Memento.Imaging/Memento.Imaging.csproj Memento.Imaging/
RUN dotnet restore Memento.Server/Memento.Server.csproj
COPY . .
RUN dotnet publish Memento.Server/Memento.Server.csproj -c Release -o /app --no-restore

# The CodeMirror bundle: built by the dev packages (CodeMirror, esbuild) on npm ci's postinstall.
FROM node:20-bookworm-slim AS editor
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/codemirror scripts/codemirror
RUN npm ci --no-audit --no-fund

# The packages served at runtime only (their scripts skipped: the bundle comes from the stage above).
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: ASP.NET Core on Debian 12 with libvips for ingest and tiling ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libvips-tools curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The server looks for wwwroot/ and node_modules/ next to its content root (/app).
COPY wwwroot ./wwwroot
COPY --from=editor /src/wwwroot/lib ./wwwroot/lib
COPY --from=assets /src/node_modules ./node_modules

RUN useradd --system --uid 10001 --home-dir /data memento \
 && mkdir -p /data && chown memento /data
USER memento
VOLUME /data
ENV ASPNETCORE_URLS=http://+:8080 \
    MEMENTO_DATA=/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Memento.Server.dll"]
