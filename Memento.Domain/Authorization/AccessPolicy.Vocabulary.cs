namespace Memento.Domain.Authorization;

// Who edits the global vocabulary: object types, natures (licences come from the SPDX list and the seed).
public sealed partial class AccessPolicy
{
    /// <summary>
    /// Vocabulary administrators: system administrators and whoever manages projects (the people who set up
    /// annotation work and so name the kinds of objects it draws). Everyone, also anonymous, reads the vocabulary.
    /// </summary>
    public async Task<bool> EditsVocabularyAsync(Caller caller, CancellationToken ct = default) =>
        caller.IsUser && (await IsSysAdminAsync(caller, ct) || await ManagesProjectsAsync(caller, ct));

    /// <summary>UNAUTHENTICATED when signed out, FORBIDDEN unless <see cref="EditsVocabularyAsync"/>.</summary>
    public async Task RequireVocabularyEditorAsync(Caller caller, string what, CancellationToken ct = default)
    {
        caller.RequireUserId();
        if (!await EditsVocabularyAsync(caller, ct))
            throw MementoException.Forbidden($"Changing {what} is for administrators and project managers.");
    }
}
