using System.Reflection;
using Affiliates.Storage;

namespace Affiliates.AspNetCore.Tests;

/// <summary>
/// A real store behind a proxy that can hold or fail its calls, for the middleware's slow- and failing-store paths.
/// A proxy rather than a hand-written decorator, so the store port can grow without touching the tests.
/// </summary>
public class StoreInterceptor : DispatchProxy
{
    private IAffiliateStore inner = null!;
    private Func<string, Task>? before;

    /// <summary>Wraps <paramref name="store"/>; <paramref name="beforeCall"/> runs (and is awaited) before every asynchronous read or unit of work, given the method's name.</summary>
    public static IAffiliateStore Wrap(IAffiliateStore store, Func<string, Task> beforeCall)
    {
        IAffiliateStore proxy = Create<IAffiliateStore, StoreInterceptor>();
        var interceptor = (StoreInterceptor)(object)proxy;
        interceptor.inner = store;
        interceptor.before = beforeCall;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Type returns = targetMethod.ReturnType;
        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            MethodInfo delayed = typeof(StoreInterceptor).GetMethod(nameof(DelayedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(returns.GetGenericArguments()[0]);
            return delayed.Invoke(this, [targetMethod, args]);
        }

        return Call(targetMethod, args);
    }

    private async ValueTask<T> DelayedAsync<T>(MethodInfo method, object?[]? args)
    {
        await before!(method.Name);
        return await (ValueTask<T>)Call(method, args)!;
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
