using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.CodeFirst;

/// <summary>
/// Maps .NET types to GraphQL types: scalars by table, enums to enum types, classes to object types (output) or
/// input object types (input), sequences to lists; non-null wherever C# says the value cannot be null.
/// </summary>
internal sealed class TypeMapper(CodeFirstSchemaBuilder builder)
{
    private static readonly Dictionary<Type, ScalarType> Scalars = new()
    {
        [typeof(string)] = ScalarType.String, [typeof(char)] = ScalarType.String,
        [typeof(int)] = ScalarType.Int, [typeof(short)] = ScalarType.Int, [typeof(byte)] = ScalarType.Int, [typeof(ushort)] = ScalarType.Int,
        [typeof(long)] = ScalarType.Long, [typeof(uint)] = ScalarType.Long,
        [typeof(double)] = ScalarType.Float, [typeof(float)] = ScalarType.Float, [typeof(decimal)] = ScalarType.Float,
        [typeof(bool)] = ScalarType.Boolean,
        [typeof(Guid)] = ScalarType.ID,
        [typeof(DateTimeOffset)] = ScalarType.DateTime, [typeof(DateTime)] = ScalarType.DateTime,
        [typeof(JsonElement)] = ScalarType.Json,
        [typeof(IUploadedFile)] = ScalarType.Upload,
    };

    private readonly NullabilityInfoContext _nullability = new();
    private readonly Dictionary<Type, EnumType> _enums = new();
    private readonly Dictionary<Type, InputObjectType> _inputs = new();

    public GraphQLType Output(PropertyInfo property) =>
        Map(ClrTypes.UnwrapAsync(property.PropertyType).Type, _nullability.Create(property), property, input: false);

    public GraphQLType Output(MethodInfo method)
    {
        var info = _nullability.Create(method.ReturnParameter);
        var (type, kind) = ClrTypes.UnwrapAsync(method.ReturnType);
        // Task<T>'s nullability is that of T.
        if (kind is AsyncKind.Task or AsyncKind.ValueTask) info = info.GenericTypeArguments[0];
        if (kind is AsyncKind.AsyncEnumerable) return new NonNullType(new ListType(Map(type.GetGenericArguments()[0], info.GenericTypeArguments[0], method, input: false)));
        return Map(type, info, method, input: false);
    }

    /// <summary>The type of a subscription field: the element type of the stream the method returns.</summary>
    public GraphQLType SubscriptionOutput(MethodInfo method)
    {
        var info = _nullability.Create(method.ReturnParameter);
        var type = method.ReturnType;
        var (inner, kind) = ClrTypes.UnwrapAsync(type);
        if (kind is AsyncKind.Task or AsyncKind.ValueTask)
        {
            info = info.GenericTypeArguments[0];
            type = inner;
        }
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IAsyncEnumerable<>))
            throw new InvalidOperationException(
                $"{method.DeclaringType!.Name}.{method.Name} must return IAsyncEnumerable<T> (or a Task or ValueTask of one) to be a subscription field.");
        return Map(type.GetGenericArguments()[0], info.GenericTypeArguments[0], method, input: false);
    }

    public GraphQLType Input(ParameterInfo parameter) =>
        Map(parameter.ParameterType, _nullability.Create(parameter), parameter, input: true);

    public GraphQLType Input(PropertyInfo property) =>
        Map(property.PropertyType, _nullability.Create(property), property, input: true);

    private GraphQLType Map(Type type, NullabilityInfo nullability, ICustomAttributeProvider? member, bool input)
    {
        var nullable = nullability.ReadState != NullabilityState.NotNull;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            type = underlying;
            nullable = true;
        }
        var named = member?.GetCustomAttributes(typeof(GraphQLTypeAttribute), false).OfType<GraphQLTypeAttribute>().FirstOrDefault();
        GraphQLType mapped;
        if (named is not null) mapped = builder.NamedType(named.TypeName);
        else if (member?.IsDefined(typeof(GraphQLIdAttribute), false) == true) mapped = ScalarType.ID;
        else if (ClrTypes.ElementType(type) is { } element)
        {
            var elementNullability = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault() ?? nullability;
            // Element attributes (e.g. [GraphQLId] on a list of ids) apply to the elements.
            mapped = new ListType(Map(element, elementNullability, member is null || named is not null ? null : new ElementAttributes(member), input));
        }
        else mapped = Named(type, input);
        return nullable ? mapped : new NonNullType(mapped);
    }

    private NamedType Named(Type type, bool input)
    {
        if (Scalars.TryGetValue(type, out var scalar)) return scalar;
        if (typeof(IUploadedFile).IsAssignableFrom(type)) return ScalarType.Upload;
        if (type.IsEnum) return Enum(type);
        return input ? InputObject(type) : builder.ObjectTypeFor(type);
    }

    /// <summary>Whether an enum or input type was already built for <paramref name="type"/>.</summary>
    internal bool HasBuilt(Type type) => _enums.ContainsKey(type) || _inputs.ContainsKey(type);

    private EnumType Enum(Type type)
    {
        if (_enums.TryGetValue(type, out var existing)) return existing;
        var enumType = new EnumType(builder.TypeName(type), Description(type));
        _enums[type] = enumType;
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsDefined(typeof(GraphQLIgnoreAttribute))) continue;
            var name = field.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? Naming.Constant(field.Name);
            enumType.AddValue(new EnumValueDefinition(name, field.GetValue(null), Description(field))
            {
                DeprecationReason = field.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            });
        }
        builder.Register(enumType);
        return enumType;
    }

    private InputObjectType InputObject(Type type)
    {
        if (_inputs.TryGetValue(type, out var existing)) return existing;
        var name = builder.TypeName(type);
        if (!name.EndsWith("Input", StringComparison.Ordinal)) name += "Input";
        var input = new InputObjectType(name, Description(type));
        _inputs[type] = input;
        // A record's constructor defaults (Status = Pending) are the input fields' defaults.
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (builder.IsIgnored(type, property) || property.GetIndexParameters().Length > 0) continue;
            var field = new InputFieldDefinition(Naming.Field(property), Input(property), Description(property))
            {
                DeprecationReason = property.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            };
            var parameter = constructor?.GetParameters().FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is { HasDefaultValue: true, DefaultValue: not null }) field.DefaultValue = CodeFirstSchemaBuilder.DefaultOf(parameter);
            input.AddField(field);
        }
        builder.Register(input);
        return input;
    }

    public static string? Description(MemberInfo member) =>
        member.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? (member is Type type ? XmlDocumentation.Summary(type) : XmlDocumentation.Summary(member));

    public static string? Description(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<DescriptionAttribute>()?.Description ?? XmlDocumentation.Parameter(parameter);

    /// <summary>Passes a member's id and type attributes on to list elements.</summary>
    private sealed class ElementAttributes(ICustomAttributeProvider member) : ICustomAttributeProvider
    {
        public object[] GetCustomAttributes(bool inherit) => member.GetCustomAttributes(typeof(GraphQLIdAttribute), inherit);

        public object[] GetCustomAttributes(Type attributeType, bool inherit) =>
            attributeType == typeof(GraphQLIdAttribute) ? member.GetCustomAttributes(attributeType, inherit) : [];

        public bool IsDefined(Type attributeType, bool inherit) =>
            attributeType == typeof(GraphQLIdAttribute) && member.IsDefined(attributeType, inherit);
    }
}
