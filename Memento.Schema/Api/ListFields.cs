using Memento.GraphQL.CodeFirst;
using Memento.Schema.Api.Accounts;
using Memento.Schema.Api.Classifications;
using Memento.Schema.Api.Comments;
using Memento.Schema.Api.Permissions;
using Memento.Schema.Api.ShareLinks;
using Memento.Schema.Api.Images;
using Memento.Schema.Api.Projects;
using Memento.Schema.Api.Users;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.ShareLinks;

namespace Memento.Schema.Api;

/// <summary>
/// Adds the top-level list connections (Api/Querying) to a code-first schema. Their nodes are the code-first
/// types (ImageInfo, ProjectInfo, …) with all their resolvers; the list declarations say which entity columns
/// each field reads, so only selected columns are queried. Call after every [GraphQLExtends] class is added: a
/// node field no list declaration knows about stops the build instead of coming back empty.
/// </summary>
public static class ListFields
{
    public static CodeFirstSchemaBuilder AddListFields(this CodeFirstSchemaBuilder builder)
    {
        var user = UserList.Type(builder.ObjectTypeOf<UserInfo>());
        var project = ProjectList.Type(builder.ObjectTypeOf<ProjectInfo>(), user);
        var image = ImageList.Type(builder.ObjectTypeOf<ImageInfo>(), project);
        return builder
            .AddQueryField(UserList.Field(user))
            .AddQueryField(ProjectList.Field(project))
            .AddQueryField(ImageList.Field(image))
            .AddQueryField(ApiTokenList.Field(ApiTokenList.Type(builder.ObjectTypeOf<ApiTokenInfo>())))
            .AddQueryField(CommentList.Field(CommentList.Type(builder.ObjectTypeOf<CommentInfo>(), user)))
            .AddQueryField(ClassificationList.Field(ClassificationList.Type(builder.ObjectTypeOf<ClassificationInfo>())))
            .AddQueryField(ShareLinkList.Field(ShareLinkList.Type(builder.ObjectTypeOf<ShareLinkInfo>())))
            .AddQueryField(MemberList.Field(MemberList.Type(builder.ObjectTypeOf<MemberInfo>(), user)));
    }
}
