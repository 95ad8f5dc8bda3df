using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.CodeFirst;

/// <summary>
/// Compiles a resolver delegate per method with expression trees: arguments, services, the parent and the context
/// are bound once at build time, so a call costs what a hand-written lambda costs (no MethodInfo.Invoke).
/// </summary>
internal static class ResolverCompiler
{
    private static readonly PropertyInfo SourceProperty = typeof(IResolveContext).GetProperty(nameof(IResolveContext.Source))!;
    private static readonly PropertyInfo TokenProperty = typeof(IResolveContext).GetProperty(nameof(IResolveContext.CancellationToken))!;
    private static readonly MethodInfo ArgumentMethod = typeof(ResolverCompiler).GetMethod(nameof(Argument), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ServiceMethod = typeof(ResolverCompiler).GetMethod(nameof(Service), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo InstanceMethod = typeof(ResolverCompiler).GetMethod(nameof(Instance), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <param name="method">The method to call.</param>
    /// <param name="sourceIsInstance">The method belongs to the object being resolved (else its class comes from DI).</param>
    /// <param name="isService">Whether a parameter type is a registered service (injected without [Service]).</param>
    public static FieldResolver Compile(MethodInfo method, bool sourceIsInstance, Func<Type, bool> isService)
    {
        var context = Expression.Parameter(typeof(IResolveContext), "context");
        Expression? instance = null;
        if (!method.IsStatic)
        {
            var type = method.DeclaringType!;
            instance = sourceIsInstance
                ? Expression.Convert(Expression.Property(context, SourceProperty), type)
                : Expression.Convert(Expression.Call(InstanceMethod, context, Expression.Constant(type)), type);
        }
        var arguments = method.GetParameters().Select(p => Bind(p, context, isService)).ToArray();
        Expression call = Expression.Call(instance, method, arguments);

        var (result, kind) = ClrTypes.UnwrapAsync(method.ReturnType);
        var adapter = kind switch
        {
            AsyncKind.Task => nameof(FromTask),
            AsyncKind.ValueTask => nameof(FromValueTask),
            AsyncKind.AsyncEnumerable => nameof(FromAsyncEnumerable),
            _ => nameof(FromValue),
        };
        var valueType = kind == AsyncKind.AsyncEnumerable ? method.ReturnType.GetGenericArguments()[0] : result;
        if (method.ReturnType == typeof(void) || method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask))
            throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} returns nothing; a field must return a value.");
        var lambda = Expression.Lambda(call, context).Compile();
        return (FieldResolver)typeof(ResolverCompiler).GetMethod(adapter, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(valueType).Invoke(null, [lambda])!;
    }

    /// <summary>
    /// A subscription method as a subscribe resolver: it gives the stream itself (a query method returning
    /// IAsyncEnumerable would be read to a list instead).
    /// </summary>
    public static FieldResolver CompileSubscribe(MethodInfo method, Func<Type, bool> isService)
    {
        var context = Expression.Parameter(typeof(IResolveContext), "context");
        Expression? instance = method.IsStatic
            ? null
            : Expression.Convert(Expression.Call(InstanceMethod, context, Expression.Constant(method.DeclaringType!)), method.DeclaringType!);
        var call = Expression.Call(instance, method, method.GetParameters().Select(p => Bind(p, context, isService)));
        var (result, kind) = ClrTypes.UnwrapAsync(method.ReturnType);
        var (adapter, valueType) = kind switch
        {
            AsyncKind.Task => (nameof(FromTask), result),
            AsyncKind.ValueTask => (nameof(FromValueTask), result),
            _ => (nameof(FromValue), method.ReturnType),
        };
        return (FieldResolver)typeof(ResolverCompiler).GetMethod(adapter, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(valueType).Invoke(null, [Expression.Lambda(call, context).Compile()])!;
    }

    /// <summary>A property getter as a resolver, for properties the default resolver cannot find by name.</summary>
    public static FieldResolver CompileGetter(PropertyInfo property)
    {
        var context = Expression.Parameter(typeof(IResolveContext), "context");
        var body = Expression.Property(Expression.Convert(Expression.Property(context, SourceProperty), property.DeclaringType!), property);
        var (result, kind) = ClrTypes.UnwrapAsync(property.PropertyType);
        var adapter = kind switch { AsyncKind.Task => nameof(FromTask), AsyncKind.ValueTask => nameof(FromValueTask), _ => nameof(FromValue) };
        return (FieldResolver)typeof(ResolverCompiler).GetMethod(adapter, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(result).Invoke(null, [Expression.Lambda(body, context).Compile()])!;
    }

    private static Expression Bind(ParameterInfo parameter, ParameterExpression context, Func<Type, bool> isService)
    {
        var type = parameter.ParameterType;
        if (typeof(IResolveContext).IsAssignableFrom(type)) return Expression.Convert(context, type);
        if (type == typeof(CancellationToken)) return Expression.Property(context, TokenProperty);
        if (parameter.GetCustomAttribute<ParentAttribute>() is not null) return Expression.Convert(Expression.Property(context, SourceProperty), type);
        if (parameter.GetCustomAttribute<ServiceAttribute>() is not null || isService(type))
            return Expression.Convert(Expression.Call(ServiceMethod, context, Expression.Constant(type)), type);
        var convert = InputConverter.For(type);
        var fallback = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        return Expression.Convert(
            Expression.Call(ArgumentMethod, context, Expression.Constant(Naming.Argument(parameter)), Expression.Constant(convert),
                Expression.Constant(fallback, typeof(object))), type);
    }

    private static object? Argument(IResolveContext context, string name, Func<object?, object?> convert, object? fallback) =>
        context.Arguments.TryGetValue(name, out var value) ? convert(value) : fallback;

    private static object Service(IResolveContext context, Type type) => context.Services.GetRequiredService(type);

    private static object Instance(IResolveContext context, Type type) => ActivatorUtilities.GetServiceOrCreateInstance(context.Services, type);

    private static FieldResolver FromValue<T>(Func<IResolveContext, T> call) => context => new ValueTask<object?>(call(context));

    private static FieldResolver FromTask<T>(Func<IResolveContext, Task<T>> call) => context =>
    {
        var task = call(context);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

        static async ValueTask<object?> Await(Task<T> pending) => await pending.ConfigureAwait(false);
    };

    private static FieldResolver FromValueTask<T>(Func<IResolveContext, ValueTask<T>> call) => context =>
    {
        var task = call(context);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

        static async ValueTask<object?> Await(ValueTask<T> pending) => await pending.ConfigureAwait(false);
    };

    private static FieldResolver FromAsyncEnumerable<T>(Func<IResolveContext, IAsyncEnumerable<T>> call) => async context =>
    {
        var items = new List<T>();
        await foreach (var item in call(context).WithCancellation(context.CancellationToken).ConfigureAwait(false)) items.Add(item);
        return items;
    };
}
