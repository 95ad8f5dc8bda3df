using static Memento.Tests.Schema.Api.RoleMatrix.Roles;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The matrix rows of the Mutation type, one per field (plus a second row where the rule depends on what is
/// changed, such as image layers against drawing layers). Every allowed caller must succeed outright, so an
/// operation that is refused for a reason other than permission cannot pass for a correct denial.
/// </summary>
public static class MutationEntries
{
    private static MatrixEntry M(string field, string operation, string[] allowed,
        Func<MatrixWorld, Dictionary<string, object?>> variables, string? name = null) =>
        new(name ?? field, field, operation, allowed, (c, _) => variables(c.World));

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IEnumerable<MatrixEntry> All =>
    [
        // ───────── projects
        // Only system administrators and holders of the system-level proadm code (owner) create projects.
        M("createProject", "mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id name } } }",
            Creators, _ => Vars.Input(("name", "Liver"))),
        M("getOrCreateProject",
            "mutation($input: CreateProjectInput!) { getOrCreateProject(input: $input) { created project { id name } } }",
            Creators, _ => Vars.Input(("name", "Liver"))),
        // getOrCreate of an existing name is a read for Kidney's readers, creators or not (a participant's import
        // script finds the shared project). Names are unique per owner, so a creator who cannot read Kidney would get
        // a new project of their own by that name; every other caller is refused and learns nothing of Kidney.
        M("getOrCreateProject",
            "mutation($input: CreateProjectInput!) { getOrCreateProject(input: $input) { created project { id name } } }",
            ReadKidney, _ => Vars.Input(("name", $"Kidney {MatrixWorld.Private}")), "getOrCreateProject (existing Kidney)")
            with { WritesFor = caller => !ReadKidney.Contains(caller), Unseen = caller => caller == "outsider" ? [] : Roles.Unseen(caller) },
        M("renameProject", "mutation($input: RenameInput!) { renameProject(input: $input) { project { id name } } }",
            Admins, w => Vars.Input(("id", w.Kidney), ("name", "Renal"))),
        M("setProjectSettings",
            "mutation($input: SetSettingsInput!) { setProjectSettings(input: $input) { project { id name settings } } }",
            Admins, w => Vars.Input(("id", w.Kidney), ("settings", "darkmode:1"))),
        M("setProjectVisibility", """
            mutation($id: Long!) { setProjectVisibility(input: {id: $id, visibility: PUBLIC}) { project { id name } } }
            """, Admins, w => Vars.Of(("id", w.Kidney))),
        M("deleteProject", "mutation($input: DeleteInput!) { deleteProject(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.Kidney))),
        // ───────── categories
        M("createCategory",
            "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id name } } }",
            Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "HET"))),
        M("getOrCreateCategory", """
            mutation($input: CreateCategoryInput!) { getOrCreateCategory(input: $input) { created category { id name } } }
            """, Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "HET"))),
        M("getOrCreateCategory", """
            mutation($input: CreateCategoryInput!) { getOrCreateCategory(input: $input) { created category { id name } } }
            """, ReadKidney, w => Vars.Input(("projectId", w.Kidney), ("name", $"WT {MatrixWorld.Private}")),
            "getOrCreateCategory (existing WT)") with { Writes = false },
        M("renameCategory", "mutation($input: RenameInput!) { renameCategory(input: $input) { category { id name } } }",
            Admins, w => Vars.Input(("id", w.WT), ("name", "Wild type"))),
        M("setCategorySettings",
            "mutation($input: SetSettingsInput!) { setCategorySettings(input: $input) { category { id name } } }",
            Admins, w => Vars.Input(("id", w.WT), ("settings", "forcerow:4,nameshidden:1"))),
        M("deleteCategory", "mutation($input: DeleteInput!) { deleteCategory(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.WT))),
        // ───────── annotations
        M("createAnnotation", """
            mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id name }
              firstLayer { id name } } }
            """, Admins, w => Vars.Input(("categoryId", w.WT), ("name", "wt3"),
                ("layer", Vars.Of(("name", "channels"), ("isGroup", true))))),
        M("getOrCreateAnnotation", """
            mutation($input: CreateAnnotationInput!) { getOrCreateAnnotation(input: $input) { created
              annotation { id name } firstLayer { id name } } }
            """, Admins, w => Vars.Input(("categoryId", w.WT), ("name", "wt3"),
                ("layer", Vars.Of(("name", "channels"), ("isGroup", true))))),
        // The share link's holder may read wt1, so the idempotent call answers it too (nothing is written).
        M("getOrCreateAnnotation", """
            mutation($input: CreateAnnotationInput!) { getOrCreateAnnotation(input: $input) { created
              annotation { id name } firstLayer { id name } } }
            """, ReadWt1, w => Vars.Input(("categoryId", w.WT), ("name", $"wt1 {MatrixWorld.Private}"),
                ("layer", Vars.Of(("name", "channels"), ("isGroup", true)))), "getOrCreateAnnotation (existing wt1)")
            with { Writes = false },
        M("submitAnnotation", """
            mutation($input: SubmitAnnotationInput!) { submitAnnotation(input: $input) { annotation { id name statusCode } } }
            """, PartWt1, w => Vars.Input(("id", w.Wt1))),
        M("setAnnotationLabels", """
            mutation($input: SetAnnotationLabelsInput!) { setAnnotationLabels(input: $input) { annotation { id name
              labels { name } } } }
            """, PartWt1, w => Vars.Input(("annotationId", w.Wt1), ("labels", new List<object?>()))),
        M("submitAnnotation", """
            mutation($input: SubmitAnnotationInput!) { submitAnnotation(input: $input) { annotation { id statusCode } } }
            """, PartKo1, w => Vars.Input(("id", w.Ko1)), "submitAnnotation (sibling ko1)"),
        // The viewer's Submit: labels and status in one transaction, under the same rule as each alone.
        M("submitAnnotation", """
            mutation($input: SubmitAnnotationInput!) { submitAnnotation(input: $input) { annotation { id statusCode
              labels { name } } } }
            """, PartWt1, w => Vars.Input(("id", w.Wt1), ("labels", new List<object?>())), "submitAnnotation (with labels)"),
        // Public projects are read-only for everyone who is not a member.
        M("submitAnnotation", """
            mutation($input: SubmitAnnotationInput!) { submitAnnotation(input: $input) { annotation { id statusCode } } }
            """, SysAdm, w => Vars.Input(("id", w.OpenAnnotation)), "submitAnnotation (public Open atlas)"),
        M("renameAnnotation", """
            mutation($input: RenameInput!) { renameAnnotation(input: $input) { annotation { id name } } }
            """, Admins, w => Vars.Input(("id", w.Wt1), ("name", "wt1 renamed"))),
        M("moveAnnotation", """
            mutation($input: MoveAnnotationInput!) { moveAnnotation(input: $input) { annotation { id name categoryId } } }
            """, Admins, w => Vars.Input(("id", w.Wt1), ("categoryId", w.KO))),
        M("deleteAnnotation", "mutation($input: DeleteInput!) { deleteAnnotation(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.Wt1))),
        // ───────── layers: participants draw, administrators shape the annotation
        M("createLayer", "mutation($input: CreateLayerInput!) { createLayer(input: $input) { layer { id name kind } } }",
            PartWt1, w => Vars.Input(("annotationId", w.Wt1), ("name", "my roi"), ("kind", "DRAWING"))),
        M("createLayer", "mutation($input: CreateLayerInput!) { createLayer(input: $input) { layer { id name kind } } }",
            Admins, w => Vars.Input(("annotationId", w.Wt1), ("name", "GFP"), ("kind", "IMAGE"), ("imageId", w.ImgWt1)),
            "createLayer (image layer)"),
        M("createLayer", "mutation($input: CreateLayerInput!) { createLayer(input: $input) { layer { id name kind } } }",
            PartKo1, w => Vars.Input(("annotationId", w.Ko1), ("name", "my roi"), ("kind", "DRAWING")),
            "createLayer (drawing on sibling ko1)"),
        M("getOrCreateLayer", """
            mutation($input: CreateLayerInput!) { getOrCreateLayer(input: $input) { created layer { id name } } }
            """, PartWt1, w => Vars.Input(("annotationId", w.Wt1), ("name", "my roi"), ("kind", "DRAWING"))),
        M("getOrCreateLayer", """
            mutation($input: CreateLayerInput!) { getOrCreateLayer(input: $input) { created layer { id name } } }
            """, ReadWt1, w => Vars.Input(("annotationId", w.Wt1), ("name", $"DAPI {MatrixWorld.Private}"),
                ("imageId", w.ImgWt1)), "getOrCreateLayer (existing DAPI of wt1)") with { Writes = false },
        M("editLayer", "mutation($input: EditLayerInput!) { editLayer(input: $input) { layer { id name settings } } }",
            DrawWt1, w => Vars.Input(("id", w.DrawWt1), ("settings", "color:red"))),
        M("editLayer", "mutation($input: EditLayerInput!) { editLayer(input: $input) { layer { id name } } }",
            Admins, w => Vars.Input(("id", w.LayerWt1), ("name", "Hoechst")), "editLayer (image layer)"),
        M("deleteLayer", "mutation($input: DeleteInput!) { deleteLayer(input: $input) { deletedId } }",
            DrawWt1, w => Vars.Input(("id", w.DrawWt1))),
        M("deleteLayer", "mutation($input: DeleteInput!) { deleteLayer(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.LayerWt1)), "deleteLayer (image layer)"),
        // ───────── object types: system administrators and project managers (today every signed-in user may
        // create projects, so every signed-in caller manages projects)
        M("registerObjectType", """
            mutation($input: RegisterObjectTypeInput!) { registerObjectType(input: $input) { objectType { id parents } } }
            """, Managers, _ => Vars.Input(("id", "mitochondrion"), ("description", "organelle"))),
        M("createObjectType", """
            mutation($input: CreateObjectTypeInput!) { createObjectType(input: $input) { objectType { id parents } } }
            """, Managers, _ => Vars.Input(("id", "ribosome"), ("description", "organelle"), ("parents", new[] { "cell" }))),
        M("renameObjectType", """
            mutation($input: RenameObjectTypeInput!) { renameObjectType(input: $input) { objectType { id parents } } }
            """, Managers, _ => Vars.Input(("id", "nucleus"), ("newId", "cell nucleus"))),
        M("setObjectTypeDescription", """
            mutation($input: SetObjectTypeDescriptionInput!) { setObjectTypeDescription(input: $input) { objectType { id description } } }
            """, Managers, _ => Vars.Input(("id", "nucleus"), ("description", "holds the chromosomes"))),
        M("setObjectTypeParents", """
            mutation($input: SetObjectTypeParentsInput!) { setObjectTypeParents(input: $input) { objectType { id parents } } }
            """, Managers, _ => Vars.Input(("id", "nucleus"), ("parents", Array.Empty<string>()))),
        M("deleteObjectType", """
            mutation($input: DeleteObjectTypeInput!) { deleteObjectType(input: $input) { deletedId } }
            """, Managers, _ => Vars.Input(("id", "nucleus"))),
        // ───────── natures: the same vocabulary administrators
        M("createNature", "mutation($input: NatureInput!) { createNature(input: $input) { nature { id description } } }",
            Managers, _ => Vars.Input(("id", "cryo-em"), ("description", "Cryo-electron microscopy"))),
        M("setNatureDescription", "mutation($input: NatureInput!) { setNatureDescription(input: $input) { nature { id description } } }",
            Managers, _ => Vars.Input(("id", "photo"), ("description", "A photograph"))),
        M("deleteNature", "mutation($input: DeleteNatureInput!) { deleteNature(input: $input) { deletedId } }",
            Managers, _ => Vars.Input(("id", "other"))),
        // ───────── labels
        M("createLabel", "mutation($input: CreateLabelInput!) { createLabel(input: $input) { label { id name } } }",
            Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "artifact"))),
        M("getOrCreateLabel",
            "mutation($input: CreateLabelInput!) { getOrCreateLabel(input: $input) { created label { id name } } }",
            Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "artifact"))),
        M("getOrCreateLabel",
            "mutation($input: CreateLabelInput!) { getOrCreateLabel(input: $input) { created label { id name } } }",
            ReadKidney, w => Vars.Input(("projectId", w.Kidney), ("name", $"positive {MatrixWorld.Private}")),
            "getOrCreateLabel (existing positive)") with { Writes = false },
        M("renameLabel", "mutation($input: RenameInput!) { renameLabel(input: $input) { label { id name } } }",
            Admins, w => Vars.Input(("id", w.LabelPositive), ("name", "negative"))),
        M("deleteLabel", "mutation($input: DeleteInput!) { deleteLabel(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.LabelPositive))),
        // ───────── roles
        M("grantRole", """
            mutation($input: GrantRoleInput!) { grantRole(input: $input) { permission { userName code scopeId } } }
            """, Admins, w => Vars.Input(("userId", w.Users["victim"]), ("code", "catvie"), ("scopeId", w.KO))),
        M("grantRole", """
            mutation($input: GrantRoleInput!) { grantRole(input: $input) { permission { userName code } } }
            """, SysAdm, w => Vars.Input(("userId", w.Users["victim"]), ("code", "sysadm")), "grantRole (sysadm)"),
        M("grantRole", """
            mutation($input: GrantRoleInput!) { grantRole(input: $input) { permission { userName code } } }
            """, Admins, w => Vars.Input(("userId", w.Users["victim"]), ("code", "proadm"), ("scopeId", w.Kidney)),
            "grantRole (proadm of Kidney)"),
        M("revokeRole", "mutation($input: GrantRoleInput!) { revokeRole(input: $input) { revoked } }",
            SysAdm, w => Vars.Input(("userId", w.Users["sysadm"]), ("code", "sysadm")), "revokeRole (sysadm)"),
        M("revokeRole", "mutation($input: GrantRoleInput!) { revokeRole(input: $input) { revoked } }",
            Admins, w => Vars.Input(("userId", w.Users["extra"]), ("code", "annvie"), ("scopeId", w.Ko1))),
        // ───────── accounts: one's own session, password and tokens
        M("login", """
            mutation($input: LoginInput!) { login(input: $input) { user { id username } token } }
            """, Everyone, _ => Vars.Input(("username", "victim"), ("password", MatrixWorld.Password), ("mode", "TOKEN"))),
        M("logout", "mutation { logout { ok } }", Everyone, _ => []) with { Writes = false },
        M("changePassword", "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { ok } }",
            SignedIn, _ => Vars.Input(("currentPassword", MatrixWorld.Password), ("newPassword", "another-password-2"))),
        M("createApiToken",
            "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id name } token } }",
            SignedIn, _ => Vars.Input(("name", "ci"))),
        new("revokeApiToken", "revokeApiToken",
            "mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { ok } }", SignedIn,
            // Each user revokes their own token; callers without an account aim at someone else's.
            (c, caller) => Vars.Input(("id", c.World.ApiTokens.GetValueOrDefault(caller, c.World.ApiTokens["victim"])))),
        // ───────── users (system administrators)
        M("createUser", "mutation($input: CreateUserInput!) { createUser(input: $input) { user { id username } } }",
            SysAdm, _ => Vars.Input(("username", "newbie"), ("password", "newbie-password-1"))),
        M("renameUser", "mutation($input: RenameUserInput!) { renameUser(input: $input) { user { id username } } }",
            SysAdm, w => Vars.Input(("id", w.Users["victim"]), ("username", "victim2"))),
        M("resetPassword", "mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { user { id } } }",
            SysAdm, w => Vars.Input(("id", w.Users["victim"]), ("password", "reset-password-3"))),
        M("setSysadm", "mutation($input: SetSysadmInput!) { setSysadm(input: $input) { user { id isSysadm } } }",
            SysAdm, w => Vars.Input(("id", w.Users["victim"]), ("isSysadm", true))),
        M("setProadm", "mutation($input: SetProadmInput!) { setProadm(input: $input) { user { id isProadm } } }",
            SysAdm, w => Vars.Input(("id", w.Users["victim"]), ("isProadm", true))),
        M("deleteUser", "mutation($input: DeleteInput!) { deleteUser(input: $input) { deletedId } }",
            SysAdm, w => Vars.Input(("id", w.Users["victim"]))),
        // ───────── images
        M("uploadImage", "mutation($input: UploadImageInput!) { uploadImage(input: $input) { created image { id name } } }",
            Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "remote.png"), ("format", 1), ("type", "E"),
                ("url", "https://example.org/remote.png"))),
        new("uploadImage (file)", "uploadImage",
            "mutation($input: UploadImageInput!) { uploadImage(input: $input) { created image { id name state } } }",
            Admins, (c, _) => Vars.Input(("projectId", c.World.Kidney), ("name", "new.png"), ("format", 2),
                ("file", c.Upload("new.png", PngSignature)))),
        M("getOrUploadImage",
            "mutation($input: UploadImageInput!) { getOrUploadImage(input: $input) { created image { id name } } }",
            Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "remote.png"), ("format", 1), ("type", "E"),
                ("url", "https://example.org/remote.png"))),
        M("getOrUploadImage",
            "mutation($input: UploadImageInput!) { getOrUploadImage(input: $input) { created image { id name } } }",
            ReadKidney, w => Vars.Input(("projectId", w.Kidney), ("name", $"wt1 {MatrixWorld.Private}.png"), ("format", 2),
                ("type", "E"), ("url", "https://example.org/x.png")), "getOrUploadImage (existing wt1 image)")
            with { Writes = false },
        M("updateImageMetadata", """
            mutation($input: UpdateImageMetadataInput!) { updateImageMetadata(input: $input) { image { id name title } } }
            """, Admins, w => Vars.Input(("id", w.ImgWt1), ("title", "Kidney section"))),
        new("replaceImageFile", "replaceImageFile",
            "mutation($input: ReplaceImageFileInput!) { replaceImageFile(input: $input) { image { id name state } } }",
            Admins, (c, _) => Vars.Input(("id", c.World.ImgSpare), ("file", c.Upload("spare.png", PngSignature)))),
        M("deleteImage", "mutation($input: DeleteInput!) { deleteImage(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.ImgSpare))),
        // ───────── dataset pictures: any signed-in user uploads; the uploader (outsider) and administrators change
        new("uploadPicture", "uploadPicture",
            "mutation($input: UploadPictureInput!) { uploadPicture(input: $input) { picture { id title author } } }",
            SignedIn, (c, _) => Vars.Input(("title", "New picture"), ("file", c.Upload("new.png", PngSignature)))),
        M("updatePicture", "mutation($input: UpdatePictureInput!) { updatePicture(input: $input) { picture { id title } } }",
            [.. SysAdm, "outsider"], w => Vars.Input(("id", w.OpenImage), ("title", "Renamed picture"))),
        M("setPictureRegions", """
            mutation($input: SetPictureRegionsInput!) { setPictureRegions(input: $input) { picture { id regions { type } } } }
            """, [.. SysAdm, "outsider"], w => Vars.Input(("id", w.OpenImage), ("regions", new List<object>()))),
        M("deletePicture", "mutation($input: DeleteInput!) { deletePicture(input: $input) { deletedId } }",
            [.. SysAdm, "outsider"], w => Vars.Input(("id", w.OpenImage))),
        // ───────── classifications
        M("createClassification", """
            mutation($input: CreateClassificationInput!) { createClassification(input: $input) { classification { id name } } }
            """, Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "Fibrosis"))),
        M("getOrCreateClassification", """
            mutation($input: CreateClassificationInput!) { getOrCreateClassification(input: $input) { created
              classification { id name } } }
            """, Admins, w => Vars.Input(("projectId", w.Kidney), ("name", "Fibrosis"))),
        M("getOrCreateClassification", """
            mutation($input: CreateClassificationInput!) { getOrCreateClassification(input: $input) { created
              classification { id name } } }
            """, ReadKidney, w => Vars.Input(("projectId", w.Kidney), ("name", $"Grade {MatrixWorld.Private}")),
            "getOrCreateClassification (existing Grade)") with { Writes = false },
        M("linkClassifications", """
            mutation($input: LinkClassificationsInput!) { linkClassifications(input: $input) { classifications { id name } } }
            """, Admins, w => Vars.Input(("categoryId", w.WT), ("names", new List<object?>()))),
        M("classifyAnnotation", """
            mutation($input: ClassifyAnnotationInput!) { classifyAnnotation(input: $input) { choices { classificationId option } } }
            """, PartWt1, w => Vars.Input(("annotationId", w.Wt1),
                ("choices", new List<object?> { Vars.Of(("classificationId", w.ClassGrade), ("option", "2")) }))),
        M("classifyAnnotation", """
            mutation($input: ClassifyAnnotationInput!) { classifyAnnotation(input: $input) { choices { classificationId } } }
            """, PartKo1, w => Vars.Input(("annotationId", w.Ko1),
                ("choices", new List<object?> { Vars.Of(("classificationId", w.ClassStage)) })),
            "classifyAnnotation (sibling ko1)"),
        M("renameClassification",
            "mutation($input: RenameInput!) { renameClassification(input: $input) { classification { id name } } }",
            Admins, w => Vars.Input(("id", w.ClassStage), ("name", "Phase"))),
        M("deleteClassification", "mutation($input: DeleteInput!) { deleteClassification(input: $input) { deletedId } }",
            Admins, w => Vars.Input(("id", w.ClassStage))),
        // ───────── comments: participants write, only the author (annpar) edits, administrators also delete
        M("addComment", "mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id text } } }",
            PartWt1, w => Vars.Input(("layerId", w.LayerWt1), ("content", "agreed"))),
        M("addComment", "mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id text } } }",
            PartKo1, w => Vars.Input(("layerId", w.LayerKo1), ("content", "agreed")), "addComment (sibling ko1)"),
        M("addComment", "mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id text } } }",
            SysAdm, w => Vars.Input(("layerId", w.OpenLayer), ("content", "nice")), "addComment (public Open atlas)"),
        M("editComment", "mutation($input: EditCommentInput!) { editComment(input: $input) { comment { id text } } }",
            ["annpar"], w => Vars.Input(("id", w.CommentWt1), ("content", "edited"))),
        M("deleteComment", "mutation($input: DeleteInput!) { deleteComment(input: $input) { deletedId } }",
            DrawWt1, w => Vars.Input(("id", w.CommentWt1))),
        // ───────── regions on annpar's drawing layer
        M("saveRegions", "mutation($input: SaveRegionsInput!) { saveRegions(input: $input) { regions { id type } } }",
            DrawWt1, w => Vars.Input(("layerId", w.DrawWt1), ("regions", new List<object?> { Point() }))),
        M("saveRegions", "mutation($input: SaveRegionsInput!) { saveRegions(input: $input) { regions { id type } } }",
            PartKo1, w => Vars.Input(("layerId", w.DrawKo1), ("regions", new List<object?> { Point() })),
            "saveRegions (propar's drawing on sibling ko1)"),
        M("addRegion", "mutation($input: AddRegionInput!) { addRegion(input: $input) { region { id type } } }",
            DrawWt1, w => Vars.Input(("layerId", w.DrawWt1), ("region", Point()))),
        // MatrixWorld saved DrawWt1's regions once: the layer is at version 1 in every case's fresh world.
        M("saveRegions", """
            mutation($input: SaveRegionsInput!) { saveRegions(input: $input) { layerId version regions { id } } }
            """, DrawWt1, w => Vars.Input(("layerId", w.DrawWt1), ("regions", new List<object?> { Point() }),
                ("expectedVersion", 1), ("append", true)), "saveRegions (expectedVersion, append)"),
        M("addRegion", "mutation($input: AddRegionInput!) { addRegion(input: $input) { version region { id } } }",
            DrawWt1, w => Vars.Input(("layerId", w.DrawWt1), ("region", Point()), ("expectedVersion", 1)),
            "addRegion (expectedVersion)"),
        M("deleteRegion", "mutation($input: DeleteRegionInput!) { deleteRegion(input: $input) { deletedId version } }",
            DrawWt1, w => Vars.Input(("id", w.RegionWt1), ("expectedVersion", 1))),
        // ───────── share links
        M("createShareLink", """
            mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { link { id annotationId } token } }
            """, PartWt1, w => Vars.Input(("annotationId", w.Wt1))),
        M("createShareLink", """
            mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { link { id imageId } token } }
            """, Admins, w => Vars.Input(("imageId", w.ImgWt1)), "createShareLink (image)"),
        M("createShareLink", """
            mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { link { id annotationId } token } }
            """, PartKo1, w => Vars.Input(("annotationId", w.Ko1)), "createShareLink (sibling ko1)"),
        M("createLayer", "mutation($input: CreateLayerInput!) { createLayer(input: $input) { layer { id name } } }",
            SysAdm, w => Vars.Input(("annotationId", w.OpenAnnotation), ("name", "mine"), ("kind", "DRAWING")),
            "createLayer (drawing on public Open atlas)"),
        M("revokeShareLink", "mutation($input: DeleteInput!) { revokeShareLink(input: $input) { revokedId } }",
            PartWt1, w => Vars.Input(("id", w.ShareWt1))),
        // ───────── ratings, galleries, replacements, copies (the dataset surfaces: NOT_FOUND where not searchable)
        M("ratePicture", "mutation($input: RatePictureInput!) { ratePicture(input: $input) { myRating ratings { count } } }",
            SearchKidney, w => Vars.Input(("id", w.ImgWt1), ("stars", 5))) with { NotFound = NotSearchingKidney },
        M("removePictureRating", """
            mutation($input: RemovePictureRatingInput!) { removePictureRating(input: $input) { ratings { count } } }
            """, SearchKidney, w => Vars.Input(("id", w.ImgWt1))) with { NotFound = NotSearchingKidney },
        M("createGallery", "mutation($input: CreateGalleryInput!) { createGallery(input: $input) { gallery { id owner } } }",
            SignedIn, _ => Vars.Input(("title", "Mine"), ("description", "cells"))),
        M("updateGallery", "mutation($input: UpdateGalleryInput!) { updateGallery(input: $input) { gallery { id title } } }",
            [.. SysAdm, "propar"], w => Vars.Input(("id", w.Gallery), ("title", "Renamed"))),
        M("deleteGallery", "mutation($input: DeleteInput!) { deleteGallery(input: $input) { deletedId } }",
            [.. SysAdm, "propar"], w => Vars.Input(("id", w.Gallery))),
        // The owner and trusted users, each for a picture they can search (a system administrator is neither).
        M("addPictureToGallery", """
            mutation($input: GalleryPictureInput!) { addPictureToGallery(input: $input) { gallery { id } } }
            """, ["propar", "provie"], w => Vars.Input(("id", w.Gallery), ("pictureId", w.ImgSpare))),
        M("removePictureFromGallery", """
            mutation($input: GalleryPictureInput!) { removePictureFromGallery(input: $input) { gallery { id } } }
            """, ["propar", "provie"], w => Vars.Input(("id", w.Gallery), ("pictureId", w.ImgWt1))),
        M("trustGalleryUser", """
            mutation($input: GalleryUserInput!) { trustGalleryUser(input: $input) { gallery { trustedUsers } } }
            """, ["propar"], w => Vars.Input(("id", w.Gallery), ("username", "outsider"))),
        M("untrustGalleryUser", """
            mutation($input: GalleryUserInput!) { untrustGalleryUser(input: $input) { gallery { trustedUsers } } }
            """, ["propar"], w => Vars.Input(("id", w.Gallery), ("username", "provie"))),
        M("replacePicture", "mutation($input: ReplacePictureInput!) { replacePicture(input: $input) { picture { id replaces } } }",
            Admins, w => Vars.Input(("id", w.ImgSpare), ("replacesId", w.ImgWt2))) with { NotFound = NotSearchingKidney },
        M("copyPicture", "mutation($input: CopyPictureInput!) { copyPicture(input: $input) { picture { id copiedFrom } } }",
            Admins, w => Vars.Input(("id", w.ImgWt1), ("projectId", w.Kidney))) with { NotFound = NotSearchingKidney },
    ];

    private static Dictionary<string, object?> Point() =>
        Vars.Of(("type", "point"), ("shape", Vars.Of(("x", 3L), ("y", 4L))));
}
