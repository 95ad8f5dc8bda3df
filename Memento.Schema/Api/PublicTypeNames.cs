using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.CodeFirst;
using Memento.Schema.Api.Accounts;
using Memento.Schema.Api.Users;

namespace Memento.Schema.Api;

/// <summary>
/// The product's names for the C# read models the API returns: clients see <c>Project</c>, <c>ImageConnection</c>,
/// <c>UserFilter</c> (docs/api-design.graphql), never a C# suffix. The domain cannot carry [GraphQLName] (it does not
/// know the engine), so every name is given here, once; connection, edge, filter and sort types follow the node's
/// name. Members the API must not expose are hidden here too. PublicTypeNamesTests fails on any leftover suffix.
/// </summary>
internal static class PublicTypeNames
{
    public static CodeFirstSchemaBuilder UseProductNames(this CodeFirstSchemaBuilder builder) => builder
        .Name<ProjectInfo>("Project")
        .Name<CategoryInfo>("Category")
        .Name<AnnotationInfo>("Annotation")
        .Name<LayerInfo>("Layer")
        .Name<LabelInfo>("Label")
        .Name<Memento.Domain.Services.ObjectTypes.ObjectTypeInfo>("ObjectType")
        .Name<Memento.Domain.Services.Licences.LicenceInfo>("Licence")
        .Name<Memento.Domain.Services.Natures.NatureInfo>("Nature")
        .Name<ClassificationInfo>("Classification")
        .Name<CommentInfo>("Comment")
        .Name<ImageInfo>("Image")
        .Name<ChannelStatisticsInfo>("ChannelStatistics")
        .Name<ShareLinkInfo>("ShareLink")
        .Name<MemberInfo>("Member")
        .Name<UserInfo>("User")
        .Name<ApiTokenInfo>("ApiToken")
        .Name<Memento.Domain.Services.Galleries.GalleryInfo>("Gallery")
        // The host's storage path signs tile URLs; clients get the URLs, never the path.
        .Ignore<ImageInfo>(nameof(ImageInfo.StorageDirectory));
}
