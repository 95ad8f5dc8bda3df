CREATE TABLE "BackgroundJobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BackgroundJobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "ProgressPercent" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "RunAfter" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAt" INTEGER NULL,
    CONSTRAINT "CK_BackgroundJobs_Attempts" CHECK ("Attempts" >= 0 AND "MaxAttempts" >= 1),
    CONSTRAINT "CK_BackgroundJobs_ProgressPercent" CHECK ("ProgressPercent" BETWEEN 0 AND 100)
);


CREATE TABLE "Licences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Licences" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "IsFree" INTEGER NOT NULL,
    "IsPinned" INTEGER NOT NULL,
    "InfoUrl" TEXT NULL,
    "LegalTextUrl" TEXT NULL,
    "LogoUrl" TEXT NULL
);


CREATE TABLE "Natures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Natures" PRIMARY KEY,
    "Description" TEXT NOT NULL
);


CREATE TABLE "ObjectTypes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ObjectTypes" PRIMARY KEY,
    "Description" TEXT NOT NULL
);


CREATE TABLE "Users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "NormalizedUserName" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "IsSysAdmin" INTEGER NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastLoginAt" INTEGER NULL,
    "FailedLoginCount" INTEGER NOT NULL,
    "LockoutEndsAt" INTEGER NULL,
    "SecurityStamp" TEXT NOT NULL,
    "IsProAdm" INTEGER NOT NULL DEFAULT 0
);


CREATE TABLE "ObjectTypeAncestors" (
    "ObjectTypeId" TEXT NOT NULL,
    "AncestorId" TEXT NOT NULL,
    CONSTRAINT "PK_ObjectTypeAncestors" PRIMARY KEY ("AncestorId", "ObjectTypeId"),
    CONSTRAINT "FK_ObjectTypeAncestors_ObjectTypes_AncestorId" FOREIGN KEY ("AncestorId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ObjectTypeAncestors_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ObjectTypeParents" (
    "ChildId" TEXT NOT NULL,
    "ParentId" TEXT NOT NULL,
    CONSTRAINT "PK_ObjectTypeParents" PRIMARY KEY ("ChildId", "ParentId"),
    CONSTRAINT "CK_ObjectTypeParents_NotSelf" CHECK ("ChildId" <> "ParentId"),
    CONSTRAINT "FK_ObjectTypeParents_ObjectTypes_ChildId" FOREIGN KEY ("ChildId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ObjectTypeParents_ObjectTypes_ParentId" FOREIGN KEY ("ParentId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastUsedAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL,
    "ExpiresAt" INTEGER NULL,
    CONSTRAINT "FK_ApiTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Galleries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Galleries" PRIMARY KEY AUTOINCREMENT,
    "OwnerId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Galleries_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Permissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Permissions" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "ScopeId" INTEGER NULL,
    "GrantedAt" INTEGER NOT NULL,
    CONSTRAINT "CK_Permissions_Scope" CHECK (("Role" = 'sysadm' AND "ScopeId" IS NULL) OR ("Role" <> 'sysadm' AND "ScopeId" IS NOT NULL)),
    CONSTRAINT "FK_Permissions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Projects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Projects" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "OwnerId" INTEGER NULL,
    "Settings" TEXT NOT NULL,
    "Visibility" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Projects_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "GalleryTrustedUsers" (
    "GalleryId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_GalleryTrustedUsers" PRIMARY KEY ("GalleryId", "UserId"),
    CONSTRAINT "FK_GalleryTrustedUsers_Galleries_GalleryId" FOREIGN KEY ("GalleryId") REFERENCES "Galleries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GalleryTrustedUsers_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Categories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Settings" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Categories_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Classifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Classifications" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "TypeCode" TEXT NOT NULL,
    "OptionData" TEXT NOT NULL,
    CONSTRAINT "FK_Classifications_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Images" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Images" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "FormatCode" INTEGER NOT NULL,
    "ExternalUrl" TEXT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "Bands" INTEGER NULL,
    "BitDepth" INTEGER NULL,
    "Pages" INTEGER NULL,
    "MimeType" TEXT NULL,
    "StorageDirectory" TEXT NULL,
    "OriginalFileName" TEXT NULL,
    "State" TEXT NOT NULL,
    "ProgressPercent" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "ChannelStatisticsJson" TEXT NULL,
    "UploaderId" INTEGER NULL,
    "UploadedAt" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "OriginUrl" TEXT NULL,
    "NatureId" TEXT NULL,
    "ReplacesId" INTEGER NULL,
    "CopiedFromId" INTEGER NULL,
    "RegionCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CK_Images_FormatCode" CHECK ("FormatCode" BETWEEN 1 AND 5),
    CONSTRAINT "CK_Images_ProgressPercent" CHECK ("ProgressPercent" BETWEEN 0 AND 100),
    CONSTRAINT "CK_Images_Type" CHECK ("Type" IN ('', 'T', 'E')),
    CONSTRAINT "FK_Images_Images_CopiedFromId" FOREIGN KEY ("CopiedFromId") REFERENCES "Images" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Images_Images_ReplacesId" FOREIGN KEY ("ReplacesId") REFERENCES "Images" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Images_Natures_NatureId" FOREIGN KEY ("NatureId") REFERENCES "Natures" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Images_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Images_Users_UploaderId" FOREIGN KEY ("UploaderId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Labels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Labels" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Labels_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Annotations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Annotations" PRIMARY KEY AUTOINCREMENT,
    "CategoryId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedById" INTEGER NULL,
    "SubmittedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "CK_Annotations_Status" CHECK ("Status" IN ('N', 'S')),
    CONSTRAINT "FK_Annotations_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Annotations_Users_SubmittedById" FOREIGN KEY ("SubmittedById") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "CategoryClassifications" (
    "CategoryId" INTEGER NOT NULL,
    "ClassificationId" INTEGER NOT NULL,
    CONSTRAINT "PK_CategoryClassifications" PRIMARY KEY ("CategoryId", "ClassificationId"),
    CONSTRAINT "FK_CategoryClassifications_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CategoryClassifications_Classifications_ClassificationId" FOREIGN KEY ("ClassificationId") REFERENCES "Classifications" ("Id") ON DELETE CASCADE
);


CREATE TABLE "GalleryImages" (
    "GalleryId" INTEGER NOT NULL,
    "ImageId" INTEGER NOT NULL,
    CONSTRAINT "PK_GalleryImages" PRIMARY KEY ("GalleryId", "ImageId"),
    CONSTRAINT "FK_GalleryImages_Galleries_GalleryId" FOREIGN KEY ("GalleryId") REFERENCES "Galleries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GalleryImages_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ImageLicences" (
    "ImageId" INTEGER NOT NULL,
    "LicenceId" TEXT NOT NULL,
    CONSTRAINT "PK_ImageLicences" PRIMARY KEY ("ImageId", "LicenceId"),
    CONSTRAINT "FK_ImageLicences_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ImageLicences_Licences_LicenceId" FOREIGN KEY ("LicenceId") REFERENCES "Licences" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ImageObjects" (
    "ImageId" INTEGER NOT NULL,
    "ObjectTypeId" TEXT NOT NULL,
    "RegionCount" INTEGER NOT NULL,
    CONSTRAINT "PK_ImageObjects" PRIMARY KEY ("ObjectTypeId", "ImageId"),
    CONSTRAINT "FK_ImageObjects_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ImageObjects_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Ratings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Ratings" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ImageId" INTEGER NOT NULL,
    "Stars" INTEGER NOT NULL,
    "RatedAt" INTEGER NOT NULL,
    CONSTRAINT "CK_Ratings_Stars" CHECK ("Stars" BETWEEN 1 AND 5),
    CONSTRAINT "FK_Ratings_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Ratings_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AnnotationLabels" (
    "AnnotationId" INTEGER NOT NULL,
    "LabelId" INTEGER NOT NULL,
    CONSTRAINT "PK_AnnotationLabels" PRIMARY KEY ("AnnotationId", "LabelId"),
    CONSTRAINT "FK_AnnotationLabels_Annotations_AnnotationId" FOREIGN KEY ("AnnotationId") REFERENCES "Annotations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AnnotationLabels_Labels_LabelId" FOREIGN KEY ("LabelId") REFERENCES "Labels" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ClassificationChoices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClassificationChoices" PRIMARY KEY AUTOINCREMENT,
    "AnnotationId" INTEGER NOT NULL,
    "ClassificationId" INTEGER NOT NULL,
    "SelectedOption" TEXT NOT NULL,
    "ChosenById" INTEGER NULL,
    "ChosenAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ClassificationChoices_Annotations_AnnotationId" FOREIGN KEY ("AnnotationId") REFERENCES "Annotations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClassificationChoices_Classifications_ClassificationId" FOREIGN KEY ("ClassificationId") REFERENCES "Classifications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClassificationChoices_Users_ChosenById" FOREIGN KEY ("ChosenById") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Layers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Layers" PRIMARY KEY AUTOINCREMENT,
    "AnnotationId" INTEGER NOT NULL,
    "ImageId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Settings" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ParentLayerId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "OwnerId" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL DEFAULT 0,
    "ChangedById" INTEGER NULL,
    "ChangedAt" INTEGER NULL,
    CONSTRAINT "FK_Layers_Annotations_AnnotationId" FOREIGN KEY ("AnnotationId") REFERENCES "Annotations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Layers_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Layers_Layers_ParentLayerId" FOREIGN KEY ("ParentLayerId") REFERENCES "Layers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Layers_Users_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "Users" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Layers_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "ShareLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ShareLinks" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "AnnotationId" INTEGER NULL,
    "ImageId" INTEGER NULL,
    "CreatedById" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL,
    "TokenSalt" TEXT NULL,
    CONSTRAINT "CK_ShareLinks_OneTarget" CHECK (("AnnotationId" IS NULL AND "ImageId" IS NOT NULL) OR ("AnnotationId" IS NOT NULL AND "ImageId" IS NULL)),
    CONSTRAINT "FK_ShareLinks_Annotations_AnnotationId" FOREIGN KEY ("AnnotationId") REFERENCES "Annotations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ShareLinks_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ShareLinks_Users_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Comments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Comments" PRIMARY KEY AUTOINCREMENT,
    "LayerId" INTEGER NOT NULL,
    "AuthorId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "EditedAt" INTEGER NULL,
    CONSTRAINT "FK_Comments_Layers_LayerId" FOREIGN KEY ("LayerId") REFERENCES "Layers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Comments_Users_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Regions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY AUTOINCREMENT,
    "LayerId" INTEGER NOT NULL,
    "Shape" TEXT NOT NULL,
    "GeometryJson" TEXT NOT NULL,
    "StyleJson" TEXT NULL,
    "ObjectTypeId" TEXT NULL,
    "CreatedById" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Regions_Layers_LayerId" FOREIGN KEY ("LayerId") REFERENCES "Layers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Regions_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Regions_Users_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('Apache-2.0', 'Apache License 2.0.', 'https://spdx.org/licenses/Apache-2.0.html', 1, 0, 'https://spdx.org/licenses/Apache-2.0.html#licenseText', NULL, 'Apache License 2.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('BSD-2-Clause', 'BSD 2-Clause "Simplified" License.', 'https://spdx.org/licenses/BSD-2-Clause.html', 1, 0, 'https://spdx.org/licenses/BSD-2-Clause.html#licenseText', NULL, 'BSD 2-Clause "Simplified" License');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('BSD-3-Clause', 'BSD 3-Clause "New" or "Revised" License.', 'https://spdx.org/licenses/BSD-3-Clause.html', 1, 0, 'https://spdx.org/licenses/BSD-3-Clause.html#licenseText', NULL, 'BSD 3-Clause "New" or "Revised" License');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-1.0', 'Creative Commons licence Creative Commons Attribution 1.0.', 'https://creativecommons.org/licenses/by/1.0/', 1, 0, 'https://creativecommons.org/licenses/by/1.0/legalcode', 'https://licensebuttons.net/l/by/1.0/88x31.png', 'Creative Commons Attribution 1.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-2.0', 'Creative Commons licence Creative Commons Attribution 2.0.', 'https://creativecommons.org/licenses/by/2.0/', 1, 0, 'https://creativecommons.org/licenses/by/2.0/legalcode', 'https://licensebuttons.net/l/by/2.0/88x31.png', 'Creative Commons Attribution 2.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-3.0', 'Creative Commons licence Creative Commons Attribution 3.0.', 'https://creativecommons.org/licenses/by/3.0/', 1, 0, 'https://creativecommons.org/licenses/by/3.0/legalcode', 'https://licensebuttons.net/l/by/3.0/88x31.png', 'Creative Commons Attribution 3.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-4.0', 'Creative Commons licence Creative Commons Attribution 4.0.', 'https://creativecommons.org/licenses/by/4.0/', 1, 1, 'https://creativecommons.org/licenses/by/4.0/legalcode', 'https://licensebuttons.net/l/by/4.0/88x31.png', 'Creative Commons Attribution 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-NC-4.0', 'Creative Commons licence Creative Commons Attribution-NonCommercial 4.0.', 'https://creativecommons.org/licenses/by-nc/4.0/', 0, 0, 'https://creativecommons.org/licenses/by-nc/4.0/legalcode', 'https://licensebuttons.net/l/by-nc/4.0/88x31.png', 'Creative Commons Attribution-NonCommercial 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-NC-ND-4.0', 'Creative Commons licence Creative Commons Attribution-NonCommercial-NoDerivatives 4.0.', 'https://creativecommons.org/licenses/by-nc-nd/4.0/', 0, 0, 'https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode', 'https://licensebuttons.net/l/by-nc-nd/4.0/88x31.png', 'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-NC-SA-4.0', 'Creative Commons licence Creative Commons Attribution-NonCommercial-ShareAlike 4.0.', 'https://creativecommons.org/licenses/by-nc-sa/4.0/', 0, 0, 'https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode', 'https://licensebuttons.net/l/by-nc-sa/4.0/88x31.png', 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-ND-4.0', 'Creative Commons licence Creative Commons Attribution-NoDerivatives 4.0.', 'https://creativecommons.org/licenses/by-nd/4.0/', 0, 0, 'https://creativecommons.org/licenses/by-nd/4.0/legalcode', 'https://licensebuttons.net/l/by-nd/4.0/88x31.png', 'Creative Commons Attribution-NoDerivatives 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC-BY-SA-4.0', 'Creative Commons licence Creative Commons Attribution-ShareAlike 4.0.', 'https://creativecommons.org/licenses/by-sa/4.0/', 1, 1, 'https://creativecommons.org/licenses/by-sa/4.0/legalcode', 'https://licensebuttons.net/l/by-sa/4.0/88x31.png', 'Creative Commons Attribution-ShareAlike 4.0');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('CC0-1.0', 'The author waives all rights, as far as the law allows.', 'https://creativecommons.org/publicdomain/zero/1.0/', 1, 1, 'https://creativecommons.org/publicdomain/zero/1.0/legalcode', 'https://licensebuttons.net/p/zero/1.0/88x31.png', 'Creative Commons Zero 1.0 (public domain dedication)');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('MIT', 'MIT License.', 'https://spdx.org/licenses/MIT.html', 1, 0, 'https://spdx.org/licenses/MIT.html#licenseText', NULL, 'MIT License');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('Unlicense', 'The Unlicense.', 'https://spdx.org/licenses/Unlicense.html', 1, 0, 'https://spdx.org/licenses/Unlicense.html#licenseText', NULL, 'The Unlicense');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('WTFPL', 'Do What The F*ck You Want To Public License.', 'https://spdx.org/licenses/WTFPL.html', 1, 0, 'https://spdx.org/licenses/WTFPL.html#licenseText', NULL, 'Do What The F*ck You Want To Public License');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('X-all-rights-reserved', 'No licence is granted; use needs the rights holder''s permission.', NULL, 0, 0, NULL, NULL, 'All rights reserved');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('X-informal-attribution', 'The author allows any use as long as they are credited, without naming a formal licence.', NULL, 1, 0, NULL, NULL, 'Informal: free to use with attribution');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('X-informal-do-anything', 'The author allows any use, without naming a formal licence.', NULL, 1, 0, NULL, NULL, 'Informal: do anything');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('X-public-domain', 'The work is in the public domain, e.g. a work of a government that does not claim copyright.', NULL, 1, 0, NULL, NULL, 'Public domain');
SELECT changes();

INSERT INTO "Licences" ("Id", "Description", "InfoUrl", "IsFree", "IsPinned", "LegalTextUrl", "LogoUrl", "Title")
VALUES ('X-public-domain-old', 'The work''s copyright has expired.', NULL, 1, 0, NULL, NULL, 'Public domain (expired copyright)');
SELECT changes();



INSERT INTO "Natures" ("Id", "Description")
VALUES ('brightfield-microscopy', 'Brightfield or phase-contrast light microscopy');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('computer-3d-art', '3D render or computer-generated image');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('confocal-microscopy', 'Confocal or multiphoton fluorescence microscopy');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('drawing', 'Drawing, diagram or illustration');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('electron-microscopy', 'Electron microscopy (TEM or SEM)');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('fluorescence-microscopy', 'Fluorescence microscopy (one or more channels)');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('other', 'Anything else');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('photo', 'Photograph taken with an ordinary camera');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('scan', 'Scan of a document or printed figure');
SELECT changes();

INSERT INTO "Natures" ("Id", "Description")
VALUES ('whole-slide-scan', 'Whole-slide scan of a histology slide');
SELECT changes();



CREATE INDEX "IX_AnnotationLabels_LabelId" ON "AnnotationLabels" ("LabelId");


CREATE UNIQUE INDEX "IX_Annotations_CategoryId_Name" ON "Annotations" ("CategoryId", "Name");


CREATE INDEX "IX_Annotations_SubmittedById" ON "Annotations" ("SubmittedById");


CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");


CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");


CREATE INDEX "IX_BackgroundJobs_State_RunAfter" ON "BackgroundJobs" ("State", "RunAfter");


CREATE UNIQUE INDEX "IX_Categories_ProjectId_Name" ON "Categories" ("ProjectId", "Name");


CREATE INDEX "IX_CategoryClassifications_ClassificationId" ON "CategoryClassifications" ("ClassificationId");


CREATE UNIQUE INDEX "IX_ClassificationChoices_AnnotationId_ClassificationId_ChosenById" ON "ClassificationChoices" ("AnnotationId", "ClassificationId", "ChosenById");


CREATE INDEX "IX_ClassificationChoices_ChosenById" ON "ClassificationChoices" ("ChosenById");


CREATE INDEX "IX_ClassificationChoices_ClassificationId" ON "ClassificationChoices" ("ClassificationId");


CREATE UNIQUE INDEX "IX_Classifications_ProjectId_Name" ON "Classifications" ("ProjectId", "Name");


CREATE INDEX "IX_Comments_AuthorId" ON "Comments" ("AuthorId");


CREATE INDEX "IX_Comments_LayerId_CreatedAt" ON "Comments" ("LayerId", "CreatedAt");


CREATE INDEX "IX_Galleries_OwnerId" ON "Galleries" ("OwnerId");


CREATE INDEX "IX_GalleryImages_ImageId" ON "GalleryImages" ("ImageId");


CREATE INDEX "IX_GalleryTrustedUsers_UserId" ON "GalleryTrustedUsers" ("UserId");


CREATE INDEX "IX_ImageLicences_LicenceId" ON "ImageLicences" ("LicenceId");


CREATE INDEX "IX_ImageObjects_ImageId" ON "ImageObjects" ("ImageId");


CREATE INDEX "IX_Images_CopiedFromId" ON "Images" ("CopiedFromId");


CREATE INDEX "IX_Images_NatureId" ON "Images" ("NatureId");


CREATE UNIQUE INDEX "IX_Images_ProjectId_Name" ON "Images" ("ProjectId", "Name");


CREATE INDEX "IX_Images_RegionCount_Id" ON "Images" ("RegionCount", "Id");


CREATE UNIQUE INDEX "IX_Images_ReplacesId" ON "Images" ("ReplacesId");


CREATE INDEX "IX_Images_Title_Id" ON "Images" ("Title", "Id");


CREATE INDEX "IX_Images_UploadedAt" ON "Images" ("UploadedAt");


CREATE INDEX "IX_Images_UploaderId" ON "Images" ("UploaderId");


CREATE UNIQUE INDEX "IX_Labels_ProjectId_Name" ON "Labels" ("ProjectId", "Name");


CREATE INDEX "IX_Layers_AnnotationId_Sequence" ON "Layers" ("AnnotationId", "Sequence");


CREATE INDEX "IX_Layers_ChangedById" ON "Layers" ("ChangedById");


CREATE INDEX "IX_Layers_ImageId" ON "Layers" ("ImageId");


CREATE INDEX "IX_Layers_OwnerId" ON "Layers" ("OwnerId");


CREATE INDEX "IX_Layers_ParentLayerId" ON "Layers" ("ParentLayerId");


CREATE INDEX "IX_ObjectTypeAncestors_ObjectTypeId" ON "ObjectTypeAncestors" ("ObjectTypeId");


CREATE INDEX "IX_ObjectTypeParents_ParentId" ON "ObjectTypeParents" ("ParentId");


CREATE INDEX "IX_Permissions_Role_ScopeId" ON "Permissions" ("Role", "ScopeId");


CREATE UNIQUE INDEX "IX_Permissions_UserId_Role_Global" ON "Permissions" ("UserId", "Role") WHERE "ScopeId" IS NULL;


CREATE UNIQUE INDEX "IX_Permissions_UserId_Role_ScopeId" ON "Permissions" ("UserId", "Role", "ScopeId");


CREATE UNIQUE INDEX "IX_Projects_OwnerId_Name" ON "Projects" ("OwnerId", "Name");


CREATE INDEX "IX_Ratings_ImageId" ON "Ratings" ("ImageId");


CREATE UNIQUE INDEX "IX_Ratings_UserId_ImageId" ON "Ratings" ("UserId", "ImageId");


CREATE INDEX "IX_Regions_CreatedById" ON "Regions" ("CreatedById");


CREATE INDEX "IX_Regions_LayerId" ON "Regions" ("LayerId");


CREATE INDEX "IX_Regions_ObjectTypeId" ON "Regions" ("ObjectTypeId");


CREATE INDEX "IX_ShareLinks_AnnotationId" ON "ShareLinks" ("AnnotationId");


CREATE INDEX "IX_ShareLinks_CreatedById" ON "ShareLinks" ("CreatedById");


CREATE INDEX "IX_ShareLinks_ImageId" ON "ShareLinks" ("ImageId");


CREATE UNIQUE INDEX "IX_ShareLinks_TokenHash" ON "ShareLinks" ("TokenHash");


CREATE UNIQUE INDEX "IX_Users_NormalizedUserName" ON "Users" ("NormalizedUserName");
