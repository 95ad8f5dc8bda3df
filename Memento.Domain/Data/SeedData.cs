using Memento.Domain.Model;

namespace Memento.Domain.Data;

/// <summary>
/// Rows every installation starts with; they arrive through the migrations (HasData), so a changed list needs a
/// new migration, which the drift test demands.
/// </summary>
internal static class SeedData
{
    private static Licence Cc(string id, string title, bool free, bool pinned = false)
    {
        // CC ids look like "CC-BY-SA-4.0": the URL path is the lower-case middle part and the version.
        var version = id[(id.LastIndexOf('-') + 1)..];
        var kind = id[3..id.LastIndexOf('-')].ToLowerInvariant();
        return new Licence
        {
            Id = id, Title = title, IsFree = free, IsPinned = pinned,
            Description = "Creative Commons licence " + title + ".",
            InfoUrl = $"https://creativecommons.org/licenses/{kind}/{version}/",
            LegalTextUrl = $"https://creativecommons.org/licenses/{kind}/{version}/legalcode",
            LogoUrl = $"https://licensebuttons.net/l/{kind}/{version}/88x31.png",
        };
    }

    private static Licence Spdx(string id, string title, bool free, bool pinned = false, string? description = null) => new()
    {
        Id = id, Title = title, IsFree = free, IsPinned = pinned,
        Description = description ?? title + ".",
        InfoUrl = $"https://spdx.org/licenses/{id}.html",
        LegalTextUrl = $"https://spdx.org/licenses/{id}.html#licenseText",
    };

    private static Licence Informal(string id, string title, bool free, string description, bool pinned = false) => new()
    {
        Id = id, Title = title, IsFree = free, IsPinned = pinned, Description = description,
    };

    public static Licence[] Licences =>
    [
        Cc("CC-BY-1.0", "Creative Commons Attribution 1.0", free: true),
        Cc("CC-BY-2.0", "Creative Commons Attribution 2.0", free: true),
        Cc("CC-BY-3.0", "Creative Commons Attribution 3.0", free: true),
        Cc("CC-BY-4.0", "Creative Commons Attribution 4.0", free: true, pinned: true),
        Cc("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0", free: true, pinned: true),
        // NonCommercial and NoDerivatives restrict use or modification, so they are not free licences.
        Cc("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0", free: false),
        Cc("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0", free: false),
        Cc("CC-BY-NC-SA-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0", free: false),
        Cc("CC-BY-NC-ND-4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0", free: false),
        new Licence
        {
            Id = "CC0-1.0", Title = "Creative Commons Zero 1.0 (public domain dedication)", IsFree = true, IsPinned = true,
            Description = "The author waives all rights, as far as the law allows.",
            InfoUrl = "https://creativecommons.org/publicdomain/zero/1.0/",
            LegalTextUrl = "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
            LogoUrl = "https://licensebuttons.net/p/zero/1.0/88x31.png",
        },
        Spdx("Unlicense", "The Unlicense", free: true),
        Spdx("WTFPL", "Do What The F*ck You Want To Public License", free: true),
        Spdx("MIT", "MIT License", free: true),
        Spdx("BSD-2-Clause", "BSD 2-Clause \"Simplified\" License", free: true),
        Spdx("BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License", free: true),
        Spdx("Apache-2.0", "Apache License 2.0", free: true),
        Informal("X-informal-attribution", "Informal: free to use with attribution", free: true,
            "The author allows any use as long as they are credited, without naming a formal licence."),
        Informal("X-informal-do-anything", "Informal: do anything", free: true,
            "The author allows any use, without naming a formal licence."),
        Informal("X-public-domain-old", "Public domain (expired copyright)", free: true,
            "The work's copyright has expired."),
        Informal("X-public-domain", "Public domain", free: true,
            "The work is in the public domain, e.g. a work of a government that does not claim copyright."),
        Informal("X-all-rights-reserved", "All rights reserved", free: false,
            "No licence is granted; use needs the rights holder's permission."),
    ];

    public static Nature[] Natures =>
    [
        new() { Id = "photo", Description = "Photograph taken with an ordinary camera" },
        new() { Id = "fluorescence-microscopy", Description = "Fluorescence microscopy (one or more channels)" },
        new() { Id = "confocal-microscopy", Description = "Confocal or multiphoton fluorescence microscopy" },
        new() { Id = "brightfield-microscopy", Description = "Brightfield or phase-contrast light microscopy" },
        new() { Id = "whole-slide-scan", Description = "Whole-slide scan of a histology slide" },
        new() { Id = "electron-microscopy", Description = "Electron microscopy (TEM or SEM)" },
        new() { Id = "computer-3d-art", Description = "3D render or computer-generated image" },
        new() { Id = "drawing", Description = "Drawing, diagram or illustration" },
        new() { Id = "scan", Description = "Scan of a document or printed figure" },
        new() { Id = "other", Description = "Anything else" },
    ];
}
