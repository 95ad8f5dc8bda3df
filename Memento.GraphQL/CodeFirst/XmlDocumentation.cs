using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Memento.GraphQL.CodeFirst;

/// <summary>
/// Reads descriptions from the XML documentation file the compiler writes next to an assembly
/// (GenerateDocumentationFile), so the summaries developers write become the schema's descriptions.
/// </summary>
internal static partial class XmlDocumentation
{
    // Texts are extracted once per assembly, at load: schemas are built concurrently (tests, several hosts), and
    // extracting rewrites <see> elements in place, which shared XElements would not survive.
    private static readonly ConcurrentDictionary<Assembly, Dictionary<string, Doc>> Files = new();

    private sealed record Doc(string? Summary, Dictionary<string, string?> Parameters);

    public static string? Summary(Type type) => Member(type.Assembly, "T:" + Id(type))?.Summary;

    public static string? Summary(MemberInfo member)
    {
        var type = member.DeclaringType!;
        var prefix = member switch { PropertyInfo => "P:", FieldInfo => "F:", _ => "M:" };
        var docs = Load(type.Assembly);
        var id = prefix + Id(type) + "." + member.Name;
        if (member is MethodInfo)
        {
            // Overloads are rare on resolvers: the first documented method of the name serves.
            var match = docs.FirstOrDefault(pair => pair.Key == id || pair.Key.StartsWith(id + "(", StringComparison.Ordinal));
            return match.Value?.Summary;
        }
        return docs.GetValueOrDefault(id)?.Summary;
    }

    public static string? Parameter(ParameterInfo parameter)
    {
        if (parameter.Member is not MethodInfo method) return null;
        var docs = Load(method.DeclaringType!.Assembly);
        var id = "M:" + Id(method.DeclaringType!) + "." + method.Name;
        var match = docs.FirstOrDefault(pair => pair.Key == id || pair.Key.StartsWith(id + "(", StringComparison.Ordinal));
        return match.Value is { } doc && parameter.Name is { } name ? doc.Parameters.GetValueOrDefault(name) : null;
    }

    private static Doc? Member(Assembly assembly, string id) => Load(assembly).GetValueOrDefault(id);

    private static string Id(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static Dictionary<string, Doc> Load(Assembly assembly) => Files.GetOrAdd(assembly, static a =>
    {
        var path = string.IsNullOrEmpty(a.Location) ? null : Path.ChangeExtension(a.Location, ".xml");
        if (path is null || !File.Exists(path)) return new Dictionary<string, Doc>();
        var members = XDocument.Load(path).Root?.Element("members")?.Elements("member") ?? [];
        var map = new Dictionary<string, Doc>();
        foreach (var member in members)
        {
            if ((string?)member.Attribute("name") is not { } name || map.ContainsKey(name)) continue;
            var parameters = new Dictionary<string, string?>();
            foreach (var param in member.Elements("param"))
                if ((string?)param.Attribute("name") is { } paramName) parameters.TryAdd(paramName, Text(param));
            map.Add(name, new Doc(Text(member.Element("summary")), parameters));
        }
        return map;
    });

    /// <summary>The element's text with &lt;see cref&gt; references reduced to names and whitespace normalized.</summary>
    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        foreach (var see in element.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            var reference = (string?)see.Attribute("cref") ?? (string?)see.Attribute("name") ?? (string?)see.Attribute("langword") ?? see.Value;
            see.ReplaceWith(reference[(reference.LastIndexOfAny([':', '.']) + 1)..]);
        }
        var text = Whitespace().Replace(element.Value, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
