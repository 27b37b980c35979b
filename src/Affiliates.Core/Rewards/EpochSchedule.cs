namespace Affiliates.Rewards;

/// <summary>
/// Values versioned by 0-based epoch index: each version applies from its first epoch until the next version.
/// Immutable; a change returns a new schedule and never rewrites an epoch an earlier version already covers.
/// </summary>
/// <typeparam name="T">The versioned value, for example <see cref="RewardPoolTerms"/>.</typeparam>
public sealed class EpochSchedule<T>
    where T : class
{
    private readonly KeyValuePair<int, T>[] versions;

    /// <summary>Initializes a new instance of the <see cref="EpochSchedule{T}"/> class with one version from epoch 0.</summary>
    /// <param name="initial">The value from epoch 0.</param>
    public EpochSchedule(T initial)
        : this([new KeyValuePair<int, T>(0, Preconditions.NotNull(initial))])
    {
    }

    private EpochSchedule(KeyValuePair<int, T>[] versions) => this.versions = versions;

    /// <summary>Gets the versions as (first epoch, value), in epoch order.</summary>
    public IReadOnlyList<KeyValuePair<int, T>> Versions => versions;

    /// <summary>Returns the value in force in the epoch with index <paramref name="epochIndex"/>.</summary>
    /// <param name="epochIndex">The 0-based epoch index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public T For(int epochIndex)
    {
        Preconditions.NotNegative(epochIndex);
        T value = versions[0].Value;
        foreach ((int from, T version) in versions)
        {
            if (from > epochIndex)
            {
                break;
            }

            value = version;
        }

        return value;
    }

    /// <summary>Returns a schedule where <paramref name="value"/> applies from epoch <paramref name="fromEpoch"/> on.</summary>
    /// <param name="fromEpoch">The first epoch of the new version; after the first epoch of every existing version.</param>
    /// <param name="value">The new value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromEpoch"/> is not after the latest version's first epoch.</exception>
    public EpochSchedule<T> From(int fromEpoch, T value)
    {
        Preconditions.NotNull(value);
        if (fromEpoch <= versions[^1].Key)
        {
            Preconditions.ThrowOutOfRange(nameof(fromEpoch), fromEpoch, $"must be after epoch {versions[^1].Key}, where the latest version starts");
        }

        return new EpochSchedule<T>([.. versions, new KeyValuePair<int, T>(fromEpoch, value)]);
    }
}
