using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Builds <c>x =&gt; new T { Id = x.Id, Name = x.Name, Owner = x.Owner == null ? null : new User { … } }</c> from a
/// selection set, so SQL reads only requested columns (plus keys, sort keys and what resolved fields need).
/// </summary>
internal static class Projection
{
    public static Expression<Func<T, T>> For<T>(IQueryableType type, IReadOnlyList<ISelectedField> selected, IEnumerable<PropertyInfo> always)
    {
        var row = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(Build(type, row, selected, always), row);
    }

    private static MemberInitExpression Build(IQueryableType type, Expression source, IReadOnlyList<ISelectedField> selected, IEnumerable<PropertyInfo> always)
    {
        var scalars = new HashSet<PropertyInfo> { type.Key };
        scalars.UnionWith(always);
        // Aliases of one navigation may select different fields: merge them into one nested projection.
        var references = new Dictionary<ReferenceMember, List<ISelectedField>>();
        var throughs = new Dictionary<PropertyInfo, (IQueryableType Target, HashSet<PropertyInfo> Columns)>();
        foreach (var field in selected)
        {
            var name = field.Definition.Name;
            if (type.Scalars.TryGetValue(name, out var scalar)) scalars.Add(scalar.Property);
            else if (type.Resolved.TryGetValue(name, out var resolved))
            {
                scalars.UnionWith(resolved.Requires);
                foreach (var read in resolved.Through)
                {
                    if (!throughs.TryGetValue(read.Navigation, out var through))
                        throughs[read.Navigation] = through = (read.Target, [read.Target.Key]);
                    through.Columns.UnionWith(read.Columns);
                }
            }
            else if (type.References.TryGetValue(name, out var reference) && reference.Projected)
            {
                if (!references.TryGetValue(reference, out var fields)) references[reference] = fields = [];
                fields.AddRange(field.GetSelectedFields(reference.Target.Type));
            }
        }

        var bindings = new List<MemberBinding>();
        foreach (var property in scalars) bindings.Add(Expression.Bind(property, Expression.Property(source, property)));
        foreach (var (reference, fields) in references)
        {
            var navigation = Expression.Property(source, reference.Property);
            var nested = Build(reference.Target, navigation, fields, []);
            // EF Core turns the null check into a LEFT JOIN test; without it a missing target would become an empty object.
            var value = Expression.Condition(
                Expression.Equal(navigation, Expression.Constant(null, navigation.Type)),
                Expression.Constant(null, navigation.Type),
                nested);
            bindings.Add(Expression.Bind(reference.Property, value));
        }
        foreach (var (property, (target, columns)) in throughs)
        {
            var navigation = Expression.Property(source, property);
            var nested = Expression.MemberInit(Expression.New(target.ClrType),
                columns.Select(c => (MemberBinding)Expression.Bind(c, Expression.Property(navigation, c))));
            bindings.Add(Expression.Bind(property, Expression.Condition(
                Expression.Equal(navigation, Expression.Constant(null, navigation.Type)), Expression.Constant(null, navigation.Type), nested)));
        }
        return Expression.MemberInit(Expression.New(type.ClrType), bindings);
    }
}
