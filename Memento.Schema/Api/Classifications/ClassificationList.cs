using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Model;
using Memento.Domain.Services.Classifications;
using Microsoft.Extensions.DependencyInjection;
using ObjectType = Memento.GraphQL.Types.ObjectType;

namespace Memento.Schema.Api.Classifications;

/// <summary>The <c>classifications(projectId)</c> connection, for the project's readers.</summary>
public static class ClassificationList
{
    public static QueryableType<Classification> Type(ObjectType classificationInfo) =>
        QueryableType<Classification>.Over(classificationInfo, ClassificationService.Info)
            .Field(c => c.ProjectId)
            .Field(c => c.Name, Allow.FilterAndSort)
            .Field(c => c.TypeCode, Allow.Filter)
            .Field(c => c.OptionData);

    public static FieldDefinition Field(QueryableType<Classification> type)
    {
        var field = ConnectionField.For("classifications", type, context =>
                context.Services.GetRequiredService<ClassificationService>().InProjectAsync(ApiCaller.Of(context),
                    (long)context.Arguments["projectId"]!, context.CancellationToken),
            description: "The project's classifications; by id unless ordered (order: [{name: ASC}] by name).");
        field.AddArgument(new ArgumentDefinition("projectId", ScalarType.Long.NonNull()));
        return field;
    }
}
