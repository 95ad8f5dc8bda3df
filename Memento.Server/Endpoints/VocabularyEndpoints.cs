using Memento.Domain.Authorization;
using Memento.Domain.Services.Licences;
using Memento.Domain.Services.Natures;
using Memento.Domain.Services.ObjectTypes;
using Memento.Server.Pages.Shell;
using Memento.Server.Pages.Vocabulary;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// The public vocabulary pages: the object hierarchy (/vocabulary), the licences and the natures. Anyone reads
/// them, also without an account; the forms are for vocabulary administrators and every rule is the domain's
/// (<see cref="ObjectTypeService"/>, <see cref="NatureService"/>), the one the API's mutations call.
/// </summary>
public static class VocabularyEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class TypeForm { public string? Id { get; set; } public string? Description { get; set; } public string[]? Parents { get; set; } }
    public sealed class RenameForm { public string? NewId { get; set; } }
    public sealed class DescriptionForm { public string? Description { get; set; } }
    public sealed class ParentsForm { public string[]? Parents { get; set; } }
    public sealed class DeleteForm { public bool Confirmed { get; set; } }
    public sealed class NatureForm { public string? Id { get; set; } public string? Description { get; set; } }

    /// <summary>What a plain browser sees after the redirect that follows a successful form: fixed texts only.</summary>
    private static readonly Dictionary<string, string> Saved = new()
    {
        ["added"] = "The type was added.",
        ["renamed"] = "The type was renamed.",
        ["description"] = "The description was saved.",
        ["parents"] = "The parents were saved.",
        ["deleted"] = "The type was deleted.",
        ["nature-added"] = "The nature was added.",
        ["nature-saved"] = "The nature's description was saved.",
        ["nature-deleted"] = "The nature was deleted.",
    };

    public static IEndpointRouteBuilder MapVocabularyPages(this IEndpointRouteBuilder app)
    {
        var vocabulary = app.MapGroup("/vocabulary").WithPageFailures();
        vocabulary.MapGet("", Tree);
        vocabulary.MapPost("/types", Create);
        vocabulary.MapGet("/type", ShowType);
        vocabulary.MapPost("/type/rename", Rename);
        vocabulary.MapPost("/type/description", Describe);
        vocabulary.MapPost("/type/parents", SetParents);
        vocabulary.MapGet("/type/delete", ConfirmDelete);
        vocabulary.MapPost("/type/delete", Delete);
        var licences = app.MapGroup("/licences").WithPageFailures();
        licences.MapGet("", Licences);
        licences.MapGet("/{id}", Licence);
        var natures = app.MapGroup("/natures").WithPageFailures();
        natures.MapGet("", Natures);
        natures.MapPost("", CreateNature);
        natures.MapPost("/description", DescribeNature);
        natures.MapPost("/delete", DeleteNature);
        return app;
    }

    private static async Task<(PageSession Session, bool CanEdit)> SessionAsync(HttpContext http)
    {
        var session = await PageSessions.ForAsync(http);
        var canEdit = await http.RequestServices.GetRequiredService<AccessPolicy>().EditsVocabularyAsync(session.Caller, http.RequestAborted);
        return (session, canEdit);
    }

    private static async Task<IResult> Tree(HttpContext http, ObjectTypeService types, string? q, string? saved)
    {
        var (session, canEdit) = await SessionAsync(http);
        if (q is { Length: > 100 }) q = q[..100];
        var all = await types.ListAsync(session.Caller, http.RequestAborted);
        return Htmx.PageOrFragment<VocabularyPage, VocabularyTreeView>(http, new
        {
            Session = session, Types = all, Query = q, CanEdit = canEdit,
            Success = saved is null ? null : Saved.GetValueOrDefault(saved),
        });
    }

    private static async Task<IResult> Create(HttpContext http, ObjectTypeService types, [FromForm] TypeForm? form)
    {
        var (session, canEdit) = await SessionAsync(http);
        form ??= new TypeForm();
        try
        {
            var created = await types.RegisterAsync(session.Caller, form.Id ?? "", form.Description, form.Parents, http.RequestAborted);
            return Htmx.SeeOther(http, VocabularyLinks.Type(created.Id) + "&saved=added");
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            var all = await types.ListAsync(session.Caller, http.RequestAborted);
            return Html.Page<VocabularyPage>(new
            {
                Session = session, Types = all, CanEdit = canEdit, Form = form,
                Errors = new Dictionary<string, string> { [e.Field ?? "id"] = e.Message },
            }, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ShowType(HttpContext http, ObjectTypeService types, string? id, string? saved)
    {
        var (session, canEdit) = await SessionAsync(http);
        return await TypePageAsync(http, types, session, canEdit, id ?? "", saved is null ? null : Saved.GetValueOrDefault(saved), null, null);
    }

    private static async Task<IResult> TypePageAsync(HttpContext http, ObjectTypeService types, PageSession session, bool canEdit,
        string id, string? success, Dictionary<string, string>? errors, string? newId)
    {
        var type = await types.GetAsync(session.Caller, id, http.RequestAborted);
        return Html.Page<ObjectTypePage>(new
        {
            Session = session, Type = type, CanEdit = canEdit, Success = success, Errors = errors, NewId = newId,
            Types = canEdit ? await types.ListAsync(session.Caller, http.RequestAborted) : [],
            RegionCount = await types.RegionCountAsync(type.Id, http.RequestAborted),
        }, errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> Rename(HttpContext http, ObjectTypeService types, string? id, [FromForm] RenameForm? form) =>
        ChangeAsync(http, types, id ?? "", "renamed", (caller, ct) => types.RenameAsync(caller, id ?? "", form?.NewId ?? "", ct), form?.NewId);

    private static Task<IResult> Describe(HttpContext http, ObjectTypeService types, string? id, [FromForm] DescriptionForm? form) =>
        ChangeAsync(http, types, id ?? "", "description", (caller, ct) => types.SetDescriptionAsync(caller, id ?? "", form?.Description, ct));

    private static Task<IResult> SetParents(HttpContext http, ObjectTypeService types, string? id, [FromForm] ParentsForm? form) =>
        ChangeAsync(http, types, id ?? "", "parents", (caller, ct) => types.SetParentsAsync(caller, id ?? "", form?.Parents ?? [], ct));

    /// <summary>
    /// One form of the type page: on success back to the page (303, its message chosen by a fixed key; a rename
    /// goes to the new id's page); a refused value shows next to its field with 400.
    /// </summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, ObjectTypeService types, string id, string savedKey,
        Func<Caller, CancellationToken, Task<ObjectTypeInfo>> change, string? newId = null)
    {
        var (session, canEdit) = await SessionAsync(http);
        try
        {
            var changed = await change(session.Caller, http.RequestAborted);
            return Htmx.SeeOther(http, VocabularyLinks.Type(changed.Id) + "&saved=" + savedKey);
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            var field = e.Field ?? (savedKey == "renamed" ? "newId" : "form");
            return await TypePageAsync(http, types, session, canEdit, id, null, new() { [field] = e.Message }, newId);
        }
    }

    private static async Task<IResult> ConfirmDelete(HttpContext http, ObjectTypeService types, AccessPolicy policy, string? id)
    {
        var (session, _) = await SessionAsync(http);
        await policy.RequireVocabularyEditorAsync(session.Caller, "the object vocabulary", http.RequestAborted);
        var type = await types.GetAsync(session.Caller, id ?? "", http.RequestAborted);
        return Html.Page<DeleteObjectTypePage>(new { Session = session, Type = type });
    }

    private static async Task<IResult> Delete(HttpContext http, ObjectTypeService types, string? id, [FromForm] DeleteForm? form)
    {
        var (session, canEdit) = await SessionAsync(http);
        var type = await types.GetAsync(session.Caller, id ?? "", http.RequestAborted);
        try
        {
            if (form?.Confirmed != true)
                throw MementoException.Validation("form", "Confirm the deletion with the button of the confirmation page.");
            await types.DeleteAsync(session.Caller, type.Id, http.RequestAborted);
            return Htmx.SeeOther(http, "/vocabulary?saved=deleted");
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            return await TypePageAsync(http, types, session, canEdit, type.Id, null, new() { ["form"] = e.Message }, null);
        }
    }

    private static async Task<IResult> Licences(HttpContext http, LicenceService licences) =>
        Html.Page<LicencesPage>(new { Session = await PageSessions.ForAsync(http), Licences = await licences.ListAsync(http.RequestAborted) });

    private static async Task<IResult> Licence(HttpContext http, LicenceService licences, string id) =>
        Html.Page<LicencePage>(new { Session = await PageSessions.ForAsync(http), Licence = await licences.GetAsync(id, http.RequestAborted) });

    private static async Task<IResult> Natures(HttpContext http, NatureService natures, string? saved) =>
        await NaturesPageAsync(http, natures, saved is null ? null : Saved.GetValueOrDefault(saved), null, null);

    private static async Task<IResult> NaturesPageAsync(HttpContext http, NatureService natures, string? success,
        Dictionary<string, string>? errors, NatureForm? form)
    {
        var (session, canEdit) = await SessionAsync(http);
        return Html.Page<NaturesPage>(new
        {
            Session = session, Natures = await natures.ListAsync(http.RequestAborted), CanEdit = canEdit, Success = success,
            Errors = errors, NewId = form?.Id, NewDescription = form?.Description,
        }, errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> CreateNature(HttpContext http, NatureService natures, [FromForm] NatureForm? form) =>
        NatureChangeAsync(http, natures, "nature-added", "id", form,
            (caller, ct) => natures.CreateAsync(caller, form?.Id ?? "", form?.Description, ct));

    private static Task<IResult> DescribeNature(HttpContext http, NatureService natures, string? id, [FromForm] NatureForm? form) =>
        NatureChangeAsync(http, natures, "nature-saved", "form", null,
            (caller, ct) => natures.SetDescriptionAsync(caller, id ?? "", form?.Description, ct));

    private static Task<IResult> DeleteNature(HttpContext http, NatureService natures, string? id) =>
        NatureChangeAsync(http, natures, "nature-deleted", "form", null, async (caller, ct) =>
        {
            await natures.DeleteAsync(caller, id ?? "", ct);
            return null!;
        });

    private static async Task<IResult> NatureChangeAsync(HttpContext http, NatureService natures, string savedKey,
        string defaultField, NatureForm? form, Func<Caller, CancellationToken, Task<NatureInfo>> change)
    {
        var session = await PageSessions.ForAsync(http);
        try
        {
            await change(session.Caller, http.RequestAborted);
            return Htmx.SeeOther(http, "/natures?saved=" + savedKey);
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            // Only the add form shows messages by its fields; the table's forms show theirs above it.
            var field = form is null ? "form" : e.Field ?? defaultField;
            return await NaturesPageAsync(http, natures, null, new() { [field] = e.Message }, form);
        }
    }
}
