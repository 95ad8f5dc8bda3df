using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Layers;

namespace Memento.Server.Pages.Categories;

/// <summary>What the annotation editor shows: the annotation, its layers in display order, the image picker.</summary>
public sealed record AnnotationView(
    AnnotationInfo Annotation,
    CategoryInfo Category,
    List<LayerInfo> Layers,
    Dictionary<long, string> ImageNames,
    ImageChoices Images)
{
    public string Url => $"/annotations/{Annotation.Id}";
    public IEnumerable<LayerInfo> Groups => Layers.Where(l => l.Kind == LayerKind.Group);
    public string? NameOf(long? layerId) => Layers.FirstOrDefault(l => l.Id == layerId)?.Name;
}

/// <summary>Loads <see cref="AnnotationView"/> for the project's administrators only (403 for anyone else).</summary>
public sealed class AnnotationViews(AnnotationService annotations, CategoryService categories, LayerService layers,
    ImageService images, AccessPolicy policy, CategoryViews categoryViews)
{
    public async Task<AnnotationInfo> RequireAdministeredAsync(Caller caller, long id, CancellationToken ct)
    {
        var annotation = await annotations.GetAsync(caller, id, ct);
        await policy.RequireAdministerProjectAsync(caller, annotation.ProjectId, ct);
        return annotation;
    }

    public async Task<AnnotationView> LoadAsync(Caller caller, long id, string? imageSearch, CancellationToken ct)
    {
        var annotation = await RequireAdministeredAsync(caller, id, ct);
        var category = await categories.GetAsync(caller, annotation.CategoryId, ct);
        var list = await layers.ListAsync(caller, id, ct);
        var names = new Dictionary<long, string>();
        // An annotation has a handful of layers: one lookup per distinct image is cheap.
        foreach (var imageId in list.Where(l => l.ImageId is not null).Select(l => l.ImageId!.Value).Distinct())
            names[imageId] = (await images.GetAsync(caller, imageId, ct)).Name;
        return new AnnotationView(annotation, category, list, names,
            await categoryViews.ImagesAsync(caller, annotation.ProjectId, imageSearch, ct));
    }
}
