using System.Text.Json;
using static Memento.Tests.Browser.Support.SyntheticImages;

namespace Memento.Tests.Browser.Support;

/// <summary>
/// A project for viewer tests, every pixel known (<see cref="SyntheticImages"/>), made through the API as the admin
/// and READY before the test starts:
/// <list type="bullet">
/// <item><see cref="Stack"/>: two GROUP layers "z0" and "z1", each holding IMAGE layers "DAPI" (a horizontal
/// 16-bit ramp) and "GFP" (a vertical 16-bit ramp), with different ramps per group (<see cref="Ramps"/>).</item>
/// <item><see cref="TwelveBit"/>: one IMAGE layer "Camera" whose setting is <c>bitDepth:12</c>: a 16-bit file whose
/// values stay below 4096 (<see cref="TwelveBitRamp"/>).</item>
/// <item><see cref="Rgb"/>: one IMAGE layer "Brightfield", an 8-bit RGB picture in four colour bands
/// (<see cref="SyntheticImages.Bands"/>).</item>
/// </list>
/// The grey images are <see cref="Width"/> × <see cref="Height"/> (several 256-pixel tiles and pyramid levels).
/// </summary>
public sealed record ViewerScene(
    long Project,
    string ProjectName,
    long Category,
    string CategoryName,
    long Stack,
    string StackName,
    long GroupZ0,
    long GroupZ1,
    IReadOnlyDictionary<string, long> Layers,
    IReadOnlyDictionary<string, long> Images,
    IReadOnlyDictionary<string, Ramp> Ramps,
    long TwelveBit,
    string TwelveBitName,
    long TwelveBitLayer,
    long TwelveBitImage,
    long Rgb,
    string RgbName,
    long RgbLayer,
    long RgbImage)
{
    public const int Width = 600, Height = 400;
    public const int RgbWidth = 512, RgbHeight = 256;

    /// <summary>Keys of <see cref="Layers"/>, <see cref="Images"/> and <see cref="Ramps"/>: "z0/DAPI", "z0/GFP", "z1/DAPI", "z1/GFP".</summary>
    public static readonly string[] Channels = ["z0/DAPI", "z0/GFP", "z1/DAPI", "z1/GFP"];

    private static readonly Dictionary<string, Ramp> StackRamps = new()
    {
        ["z0/DAPI"] = new Ramp(Horizontal: true, Offset: 1000, Step: 50),   // 1000 .. 30950
        ["z0/GFP"] = new Ramp(Horizontal: false, Offset: 500, Step: 100),   // 500 .. 40400
        ["z1/DAPI"] = new Ramp(Horizontal: true, Offset: 2000, Step: 60),   // 2000 .. 37940
        ["z1/GFP"] = new Ramp(Horizontal: false, Offset: 0, Step: 150),     // 0 .. 59850
    };

    /// <summary>The 12-bit camera: 255 + 6 × x, 255 .. 3849 over the width (all below 4096).</summary>
    public static readonly Ramp TwelveBitRamp = new(Horizontal: true, Offset: 255, Step: 6);

    /// <summary>The URL of the viewer on one of the scene's annotations (relative to the server's root).</summary>
    public string ViewerUrl(long annotation) => $"projects/{Project}/viewer/annotations/{annotation}";

    /// <summary>Creates the scene; <paramref name="settings"/> are the project's (e.g. "darkmode:1,groupcontrols:1").</summary>
    public static async Task<ViewerScene> CreateAsync(BrowserWorld world, string settings = "")
    {
        var projectName = BrowserWorld.Unique("Viewer");
        var project = Id(await world.AdminAsync(
            "mutation($n: String!, $s: String) { createProject(input: {name: $n, settings: $s}) { project { id } } }",
            new { n = projectName, s = settings }), "createProject", "project");
        var categoryName = BrowserWorld.Unique("Stacks");
        var category = Id(await world.AdminAsync(
            "mutation($p: Long!, $n: String!) { createCategory(input: {projectId: $p, name: $n}) { category { id } } }",
            new { p = project, n = categoryName }), "createCategory", "category");

        // Ingest runs one image after another on the server; uploading them all first keeps it busy.
        var images = new Dictionary<string, long>();
        foreach (var (key, ramp) in StackRamps)
            images[key] = await SceneUploads.UploadReadyImageAsync(world, project, key.Replace('/', '-') + ".png",
                Grey16(Width, Height, ramp), key.Replace('/', '-') + ".png", format: 5);
        var twelveImage = await SceneUploads.UploadReadyImageAsync(world, project, "camera-12bit.png",
            Grey16(640, 360, TwelveBitRamp), "camera-12bit.png", format: 5);
        var rgbImage = await SceneUploads.UploadReadyImageAsync(world, project, "brightfield.png",
            Rgb8(RgbWidth, RgbHeight), "brightfield.png", format: 5);

        var stackName = BrowserWorld.Unique("Stack");
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: "z0", isGroup: true, sequence: 1}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = stackName });
        var stack = created.GetProperty("createAnnotation").GetProperty("annotation").GetProperty("id").GetInt64();
        var groupZ0 = created.GetProperty("createAnnotation").GetProperty("firstLayer").GetProperty("id").GetInt64();
        async Task<long> Layer(long annotation, string name, string kind, long? image, int sequence, long? parent,
            string layerSettings = "") => Id(await world.AdminAsync("""
            mutation($a: Long!, $n: String!, $k: LayerKind, $i: Long, $s: Int, $p: Long, $t: String) {
              createLayer(input: {annotationId: $a, name: $n, kind: $k, imageId: $i, sequence: $s, parentId: $p, settings: $t}) { layer { id } } }
            """, new { a = annotation, n = name, k = kind, i = image, s = sequence, p = parent, t = layerSettings }), "createLayer", "layer");
        var layers = new Dictionary<string, long>
        {
            ["z0/DAPI"] = await Layer(stack, "DAPI", "IMAGE", images["z0/DAPI"], 2, groupZ0),
            ["z0/GFP"] = await Layer(stack, "GFP", "IMAGE", images["z0/GFP"], 3, groupZ0),
        };
        var groupZ1 = await Layer(stack, "z1", "GROUP", null, 4, null);
        layers["z1/DAPI"] = await Layer(stack, "DAPI", "IMAGE", images["z1/DAPI"], 5, groupZ1);
        layers["z1/GFP"] = await Layer(stack, "GFP", "IMAGE", images["z1/GFP"], 6, groupZ1);

        var (twelveBit, twelveName, twelveLayer) = await SingleAsync(world, category, "Twelve-bit", "Camera", twelveImage, "bitDepth:12");
        var (rgb, rgbName, rgbLayer) = await SingleAsync(world, category, "Brightfield", "Brightfield", rgbImage, "");
        return new ViewerScene(project, projectName, category, categoryName, stack, stackName, groupZ0, groupZ1, layers,
            images, StackRamps, twelveBit, twelveName, twelveLayer, twelveImage, rgb, rgbName, rgbLayer, rgbImage);
    }

    /// <summary>An annotation whose first (and only) layer is one image.</summary>
    private static async Task<(long Annotation, string Name, long Layer)> SingleAsync(BrowserWorld world, long category,
        string name, string layerName, long image, string layerSettings)
    {
        var unique = BrowserWorld.Unique(name);
        var created = await world.AdminAsync("""
            mutation($c: Long!, $n: String!, $l: String!, $i: Long, $t: String) { createAnnotation(input: {categoryId: $c, name: $n, layer: {name: $l, imageId: $i, sequence: 1, settings: $t}}) {
              annotation { id } firstLayer { id } } }
            """, new { c = category, n = unique, l = layerName, i = image, t = layerSettings });
        var payload = created.GetProperty("createAnnotation");
        return (payload.GetProperty("annotation").GetProperty("id").GetInt64(), unique,
            payload.GetProperty("firstLayer").GetProperty("id").GetInt64());
    }

    private static long Id(JsonElement data, string field, string item) =>
        data.GetProperty(field).GetProperty(item).GetProperty("id").GetInt64();
}
