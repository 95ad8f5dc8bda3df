using YamlDotNet.RepresentationModel;

namespace Memento.Tests.Server;

/// <summary>Docker does not run on the build machines: these checks keep compose.yaml, the Dockerfile and README in step.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Root = OptionsTests.RepositoryRoot();

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "compose.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    [Fact]
    public void Compose_names_the_services_and_volumes_the_readme_describes()
    {
        var compose = Compose();
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        var services = Map(compose, "services").Children.Keys.Select(k => k.ToString()).ToList();
        var volumes = Map(compose, "volumes").Children.Keys.Select(k => k.ToString()).ToList();

        Assert.Equal(["memento", "postgres"], services);
        Assert.Equal(["memento-data", "postgres-data"], volumes);
        foreach (var name in services.Concat(volumes))
            Assert.Contains($"`{name}`", readme);
    }

    [Fact]
    public void The_server_uses_postgres_and_keeps_its_data_on_a_volume_with_a_healthcheck()
    {
        var memento = Map(Map(Compose(), "services"), "memento");

        var database = Map(memento, "environment").Children[new YamlScalarNode("MEMENTO_DATABASE")].ToString();
        Assert.StartsWith("Host=postgres;", database);
        var volumes = ((YamlSequenceNode)memento.Children[new YamlScalarNode("volumes")]).Select(v => v.ToString());
        Assert.Contains("memento-data:/data", volumes);
        Assert.True(memento.Children.ContainsKey(new YamlScalarNode("healthcheck")));
        var postgresVolumes = ((YamlSequenceNode)Map(Map(Compose(), "services"), "postgres").Children[new YamlScalarNode("volumes")]).Select(v => v.ToString());
        Assert.Contains("postgres-data:/var/lib/postgresql/data", postgresVolumes);
    }

    [Fact]
    public void The_image_installs_libvips_runs_as_a_non_root_user_and_declares_the_data_volume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Contains("libvips-tools", dockerfile);
        Assert.Matches(@"(?m)^USER memento$", dockerfile);
        Assert.Matches(@"(?m)^VOLUME /data$", dockerfile);
    }

    [Fact]
    public void The_nginx_example_allows_large_streamed_uploads_and_long_requests()
    {
        var nginx = File.ReadAllText(Path.Combine(Root, "docs", "deploy", "nginx.conf"));

        Assert.Contains("client_max_body_size 2048M;", nginx);
        Assert.Contains("proxy_request_buffering off;", nginx);
        Assert.Contains("proxy_read_timeout 3600s;", nginx);
    }
}
