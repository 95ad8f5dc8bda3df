using System.Reflection;
using System.Text;

namespace Memento.GraphQL.CodeFirst;

/// <summary>GraphQL naming conventions applied to .NET names.</summary>
internal static class Naming
{
    /// <summary>ProjectName → projectName; GetImagesAsync → images (the Get prefix and Async suffix are noise).</summary>
    public static string Field(MemberInfo member)
    {
        if (member.GetCustomAttribute<GraphQLNameAttribute>() is { } named) return named.Name;
        var name = member.Name;
        if (member is MethodInfo)
        {
            if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5) name = name[..^5];
            if (name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3])) name = name[3..];
        }
        return CamelCase(name);
    }

    public static string Argument(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? CamelCase(parameter.Name!);

    public static string CamelCase(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0])) return name;
        // URLPath → urlPath: lower the leading run of capitals except the one starting the next word.
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper])) upper++;
        if (upper == 1 || upper == name.Length) return name.ToLowerInvariant()[..upper] + name[upper..];
        return name[..(upper - 1)].ToLowerInvariant() + name[(upper - 1)..];
    }

    /// <summary>ReviewStatus.InReview → IN_REVIEW.</summary>
    public static string Constant(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) builder.Append('_');
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The GraphQL name of a .NET type: its attribute, or its name without generic arity.</summary>
    public static string Type(Type type)
    {
        if (type.GetCustomAttribute<GraphQLNameAttribute>() is { } named) return named.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick > 0 ? name[..tick] : name;
    }
}
