using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Accounts;
using Memento.Schema.Api.Annotations;
using Memento.Schema.Api.Categories;
using Memento.Schema.Api.Labels;
using Memento.Schema.Api.Layers;
using Memento.Schema.Api.Permissions;
using Memento.Schema.Api.Projects;
using Memento.Schema.Api.Reports;
using Memento.Schema.Api.Health;
using Memento.Schema.Api.Users;
using Memento.Schema.Api.Images;
using Memento.Schema.Api.Classifications;
using Memento.Schema.Api.Comments;
using Memento.Schema.Api.Regions;
using Memento.Schema.Api.ShareLinks;
using Memento.Schema.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api;

/// <summary>
/// Builds Memento's GraphQL schema from the resolver classes in Api/. Features are added here one line each as
/// they are exposed (see docs/api-design.graphql for the whole intended surface).
/// </summary>
public static class MementoApiSchema
{
    public static GraphQLSchema Build(IServiceProviderIsService services)
    {
        var schema = new CodeFirstSchemaBuilder(services)
            .UseProductNames()
            .AddQueryType<SystemQueries>()
            .AddQueryType<ProjectQueries>()
            .AddQueryType<CategoryQueries>()
            .AddQueryType<AnnotationQueries>()
            .AddQueryType<AnnotationPageQueries>()
            .AddQueryType<LayerQueries>()
            .AddQueryType<LabelQueries>()
            .AddQueryType<ReportQueries>()
            .AddQueryType<Memento.Schema.Api.ObjectTypes.ObjectTypeQueries>()
            .AddMutationType<Memento.Schema.Api.ObjectTypes.ObjectTypeMutations>()
            .AddQueryType<Memento.Schema.Api.Licences.LicenceQueries>()
            .AddQueryType<Memento.Schema.Api.Natures.NatureQueries>()
            .AddMutationType<Memento.Schema.Api.Natures.NatureMutations>()
            .AddMutationType<ProjectMutations>()
            .AddMutationType<CategoryMutations>()
            .AddMutationType<AnnotationMutations>()
            .AddMutationType<LayerMutations>()
            .AddMutationType<LabelMutations>()
            .AddMutationType<PermissionMutations>()
            .AddType<AnnotationFields>()
            .AddQueryType<AccountQueries>()
            .AddQueryType<UserQueries>()
            .AddMutationType<AccountMutations>()
            .AddMutationType<UserMutations>()
            .AddQueryType<ImageQueries>()
            .AddMutationType<ImageMutations>()
            .AddType<ImageFields>()
            .AddQueryType<ClassificationQueries>()
            .AddQueryType<RegionQueries>()
            .AddQueryType<ShareLinkQueries>()
            .AddMutationType<ClassificationMutations>()
            .AddMutationType<CommentMutations>()
            .AddMutationType<RegionMutations>()
            .AddMutationType<ShareLinkMutations>()
            .AddMutationType<ProjectVisibilityMutations>()
            .AddType<ProjectFields>()
            .AddType<CategoryFields>()
            .AddType<AnnotationLayerFields>()
            .AddType<AnnotationRightsFields>()
            .AddType<AnnotationBadgeFields>()
            .AddType<LayerRightsFields>()
            .AddType<LayerFields>()
            .AddType<ShareLinkFields>()
            .AddType<RegionsPayloadFields>()
            .AddSubscriptionType<Memento.Schema.Api.Subscriptions.LiveSubscriptions>()
            .AddType<Memento.Schema.Api.Subscriptions.AnnotationEventFields>()
            .AddMutationType<Memento.Schema.Api.Ratings.RatingMutations>()
            .AddType<Memento.Schema.Api.Ratings.PictureRatingFields>()
            .AddQueryType<Memento.Schema.Api.Galleries.GalleryQueries>()
            .AddMutationType<Memento.Schema.Api.Galleries.GalleryMutations>()
            .AddType<Memento.Schema.Api.Galleries.PictureGalleryFields>()
            .AddMutationType<Memento.Schema.Api.Pictures.PictureLinkMutations>()
            .AddQueryType<Memento.Schema.Api.Pictures.PictureQueries>()
            .AddMutationType<Memento.Schema.Api.Pictures.PictureMutations>()
            .AddQueryType<Memento.Schema.Api.Datasets.DatasetSearchQueries>()
            .AddType<Memento.Schema.Api.Datasets.PictureFields>()
            // Last: the connections' node types must have all their fields by now (see ListFields).
            .AddListFields()
            .Build();
        schema.TranslateException = DomainErrors.ToGraphQL;
        return schema;
    }
}
