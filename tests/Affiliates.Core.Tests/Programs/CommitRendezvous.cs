namespace Affiliates.Tests.Programs;

/// <summary>Once armed, holds the first <c>parties</c> commits until all of them have arrived, so that each of those
/// units has done its reads before any of them writes.</summary>
internal sealed class CommitRendezvous(int parties)
{
    private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int armed;
    private int arrived;

    public void Arm() => Volatile.Write(ref armed, 1);

    public Task ArriveAsync()
    {
        if (Volatile.Read(ref armed) == 0)
        {
            return Task.CompletedTask;
        }

        int position = Interlocked.Increment(ref arrived);
        if (position == parties)
        {
            allArrived.SetResult();
        }

        return position <= parties ? allArrived.Task : Task.CompletedTask;
    }
}
