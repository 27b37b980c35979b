using System.Reflection;
using System.Runtime.ExceptionServices;
using Affiliates.Storage;

namespace Affiliates.Tests.Programs;

/// <summary>A store whose units run a hook before they commit, so that a test can hold commits back and make
/// concurrent units interleave as they can in production: all reads first, then the writes.</summary>
public class CommitHookStore : DispatchProxy
{
    private object inner = null!;
    private Func<Task> beforeCommit = null!;

    public static IAffiliateStore Around(IAffiliateStore store, Func<Task> beforeCommit) => Wrap(store, beforeCommit);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name switch
        {
            nameof(IAffiliateStore.BeginAsync) => BeginAsync((CancellationToken)args![0]!),
            nameof(IAffiliateUnitOfWork.CommitAsync) => CommitAsync((CancellationToken)args![0]!),
            _ => Forward(targetMethod, args),
        };
    }

    private static T Wrap<T>(T inner, Func<Task> beforeCommit)
        where T : class
    {
        T proxy = Create<T, CommitHookStore>();
        var hooked = (CommitHookStore)(object)proxy;
        hooked.inner = inner;
        hooked.beforeCommit = beforeCommit;
        return proxy;
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async ValueTask<IAffiliateUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        Wrap(await ((IAffiliateStore)inner).BeginAsync(cancellationToken), beforeCommit);

    private async ValueTask<CommitResult> CommitAsync(CancellationToken cancellationToken)
    {
        await beforeCommit();
        return await ((IAffiliateUnitOfWork)inner).CommitAsync(cancellationToken);
    }
}
