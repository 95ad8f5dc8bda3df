using Memento.GraphQL.Language;
namespace Memento.GraphQL.Types;

/// <summary>A directive the schema supports: its arguments, the locations it may appear at and whether it repeats.</summary>
public sealed class DirectiveDefinition
{
    private readonly List<ArgumentDefinition> _arguments = new();

    public DirectiveDefinition(string name, IEnumerable<DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
    {
        Name = name;
        Locations = locations.ToArray();
        Description = description;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }

    public string? Description { get; set; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public bool IsRepeatable { get; }

    public IReadOnlyList<ArgumentDefinition> Arguments => _arguments;

    public object? AstNode { get; set; }

    /// <summary>Whether this is one of the directives the specification defines.</summary>
    public bool IsSpecified => SpecifiedDirectives.IsSpecified(this);

    public DirectiveDefinition AddArgument(ArgumentDefinition argument)
    {
        _arguments.Add(argument);
        return this;
    }

    public ArgumentDefinition? GetArgument(string name)
    {
        foreach (var a in _arguments)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    public bool HasLocation(DirectiveLocation location)
    {
        foreach (var l in Locations)
        {
            if (l == location)
            {
                return true;
            }
        }

        return false;
    }
}
