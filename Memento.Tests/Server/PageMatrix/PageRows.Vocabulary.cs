namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// The vocabulary pages: read by everyone, also without an account; changed by vocabulary administrators (system
/// administrators and project managers). The world holds the types "cell" and "nucleus" (under cell, unused).
/// </summary>
public static partial class PageRows
{
    private static string Nucleus(string action) => $"/vocabulary/type/{action}?id=nucleus";

    public static PageRow[] Vocabulary =>
    [
        PageRow.Get("vocabulary tree", "/vocabulary", Everyone, (_, _) => "/vocabulary"),
        PageRow.Get("vocabulary tree searched", "/vocabulary", Everyone, (_, _) => "/vocabulary?q=nuc"),
        PageRow.Post("add object type", "/vocabulary/types", Managers, (_, _) => "/vocabulary/types") with
        {
            Form = (_, caller) => new() { ["id"] = "made by " + caller, ["parents"] = "cell" }, Lands = "/vocabulary/type?id=made",
        },
        PageRow.Get("object type page", "/vocabulary/type", Everyone, (_, _) => "/vocabulary/type?id=nucleus"),
        PageRow.Post("rename object type", "/vocabulary/type/rename", Managers, (_, _) => Nucleus("rename")) with
        {
            Form = (_, _) => new() { ["newId"] = "cell nucleus" }, Isolated = true,
        },
        PageRow.Post("describe object type", "/vocabulary/type/description", Managers, (_, _) => Nucleus("description")) with
        {
            Form = (_, caller) => new() { ["description"] = "described by " + caller },
        },
        PageRow.Post("set object type parents", "/vocabulary/type/parents", Managers, (_, _) => Nucleus("parents")) with
        {
            Isolated = true, // no parent chosen: nucleus becomes a top-level type, once
        },
        PageRow.Get("delete object type confirmation", "/vocabulary/type/delete", Managers, (_, _) => Nucleus("delete")),
        PageRow.Post("delete object type", "/vocabulary/type/delete", Managers, (_, _) => Nucleus("delete")) with
        {
            Form = (_, _) => new() { ["confirmed"] = "true" }, Isolated = true, Lands = "/vocabulary?saved=deleted",
        },
        PageRow.Get("licences", "/licences", Everyone, (_, _) => "/licences"),
        PageRow.Get("licence page", "/licences/{id}", Everyone, (_, _) => "/licences/CC-BY-4.0"),
        PageRow.Get("natures", "/natures", Everyone, (_, _) => "/natures"),
        PageRow.Post("add nature", "/natures", Managers, (_, _) => "/natures") with
        {
            Form = (_, caller) => new() { ["id"] = "made-by-" + caller, ["description"] = "a nature" },
        },
        PageRow.Post("describe nature", "/natures/description", Managers, (_, _) => "/natures/description?id=photo") with
        {
            Form = (_, caller) => new() { ["description"] = "described by " + caller },
        },
        PageRow.Post("delete nature", "/natures/delete", Managers, (_, _) => "/natures/delete?id=other") with { Isolated = true },
    ];
}
