namespace Affiliates.Pools;

/// <summary>Partial ordering in expected linear time.</summary>
internal static class QuickSelect
{
    /// <summary>
    /// Rearranges <paramref name="values"/> so that <c>values[index]</c> holds what an ascending sort would put there,
    /// with nothing larger before it and nothing smaller after it.
    /// </summary>
    /// <remarks>
    /// Pivots are random, which only affects the running time: the selected value is the same for every pivot choice.
    /// The three-way partition keeps runs of equal values (many zero remainders) linear.
    /// </remarks>
    public static void Select(Span<Int128> values, int index)
    {
        int low = 0;
        int high = values.Length - 1;
        while (low < high)
        {
            Int128 pivot = values[Random.Shared.Next(low, high + 1)];
            int less = low;
            int greater = high;
            int i = low;
            while (i <= greater)
            {
                if (values[i] < pivot)
                {
                    (values[less], values[i]) = (values[i], values[less]);
                    less++;
                    i++;
                }
                else if (values[i] > pivot)
                {
                    (values[greater], values[i]) = (values[i], values[greater]);
                    greater--;
                }
                else
                {
                    i++;
                }
            }

            if (index < less)
            {
                high = less - 1;
            }
            else if (index > greater)
            {
                low = greater + 1;
            }
            else
            {
                return;
            }
        }
    }
}
