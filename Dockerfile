# Multi-stage build of the Lineage API. Built and run by docker-compose.yml (not runnable on the development
# machines, which have no Docker engine).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The publish runs the explorer page's npm build (src/Lineage.Api/Explorer/Explorer.targets).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Lineage.slnx ./
COPY cypher/ cypher/
COPY src/ src/
RUN dotnet publish src/Lineage.Api/Lineage.Api.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /var/lib/lineage /var/lib/lineage-shared && chown app:app /var/lib/lineage /var/lib/lineage-shared
USER app
ENV Urls=http://+:8080 \
    Lineage__DataDirectory=/var/lib/lineage
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["dotnet", "Lineage.Api.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Lineage.Api.dll"]
