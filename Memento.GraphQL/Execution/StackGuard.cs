using System.Runtime.CompilerServices;

namespace Memento.GraphQL.Execution;

/// <summary>
/// The engine's defence against stack overflow, which .NET cannot catch and which ends the process. Every pass
/// that recurses along a request's shape (fragment chains, nested values, nested results) calls
/// <see cref="Ensure"/>; when the thread's stack runs short it throws, and <see cref="GraphQLExecutor"/> answers
/// the request with <see cref="Errors.ErrorMessages.TooDeepToProcess"/> instead of dying. The parser and the
/// JSON reader have explicit depth limits of their own; this guard covers what those limits leave unbounded.
/// </summary>
internal static class StackGuard
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ensure() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
