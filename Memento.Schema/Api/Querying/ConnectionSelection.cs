using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>What a query selected of a connection: whether it needs rows, totalCount, and the node fields to project.</summary>
internal sealed record ConnectionSelection(bool NeedsRows, bool TotalCount, IReadOnlyList<ISelectedField> NodeFields)
{
    public static ConnectionSelection Of(IResolveContext context, IQueryableType type, ObjectType connection)
    {
        var edge = (ObjectType)connection.GetField("edges")!.Type.GetNamedType();
        bool needsRows = false, totalCount = false;
        var nodeFields = new List<ISelectedField>();
        foreach (var field in context.GetSelectedFields(connection))
        {
            switch (field.Definition.Name)
            {
                case "totalCount":
                    totalCount = true;
                    break;
                case "pageInfo":
                    needsRows = true;
                    break;
                case "nodes":
                    needsRows = true;
                    nodeFields.AddRange(field.GetSelectedFields(type.Type));
                    break;
                case "edges":
                    needsRows = true;
                    foreach (var edgeField in field.GetSelectedFields(edge))
                    {
                        if (edgeField.Definition.Name == "node") nodeFields.AddRange(edgeField.GetSelectedFields(type.Type));
                    }
                    break;
            }
        }
        return new ConnectionSelection(needsRows, totalCount, nodeFields);
    }
}
