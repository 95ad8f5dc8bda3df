using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Memento.Server.Pages.Datasets;

/// <summary>One SVG shape (rect, polygon, polyline) with a &lt;title&gt; for the hover tooltip; Razor cannot pick an
/// element's name at run time, a render tree can. Attribute values are encoded by the renderer.</summary>
public sealed class RegionElement : ComponentBase
{
    private static readonly HashSet<string> Allowed = ["rect", "polygon", "polyline"];

    [Parameter, EditorRequired] public string Element { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, object> Attributes { get; set; } = new Dictionary<string, object>();
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!Allowed.Contains(Element)) return;
        builder.OpenElement(0, Element);
        builder.AddMultipleAttributes(1, Attributes);
        builder.OpenElement(2, "title");
        builder.AddContent(3, Label);
        builder.CloseElement();
        builder.CloseElement();
    }
}
