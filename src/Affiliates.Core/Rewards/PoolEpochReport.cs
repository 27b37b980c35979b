using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Affiliates.Rewards;

/// <summary>Machine-readable views of a settled epoch: leaderboard, JSON and CSV, as a public dashboard shows them.</summary>
/// <remarks>Amounts are decimal strings in their asset's units (scores in USD, rewards in the reward asset), never floats.</remarks>
public static class PoolEpochReport
{
    /// <summary>Returns the participants ranked by reward, then score (both descending), then participant.</summary>
    /// <param name="result">The settled epoch.</param>
    public static IReadOnlyList<PoolLeaderboardEntry> Leaderboard(PoolEpochResult result)
    {
        ParticipantReward[] ranked = [.. Preconditions.NotNull(result).Participants];
        Array.Sort(ranked, (a, b) =>
        {
            int byReward = b.Reward.CompareTo(a.Reward);
            int byScore = b.Score.CompareTo(a.Score);
            return byReward != 0 ? byReward : byScore != 0 ? byScore : string.CompareOrdinal(a.Participant, b.Participant);
        });
        return [.. ranked.Select((p, i) => new PoolLeaderboardEntry(i + 1, p.Participant, p.Score, p.Reward, p.Capped))];
    }

    /// <summary>Returns the epoch as JSON: pool, totals, the owner's return line and every participant's score, cap effect and reward.</summary>
    /// <param name="result">The settled epoch.</param>
    public static string ToJson(PoolEpochResult result)
    {
        Preconditions.NotNull(result);
        Asset reward = result.RewardAsset;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", result.EpochIndex);
            json.WriteString("rewardAsset", reward.Symbol);
            json.WriteString("pool", reward.Format(result.Pool));
            if (result.Draw is { } draw)
            {
                json.WriteString("allocationRemaining", reward.Format(draw.Remaining));
                json.WriteString("allocationShortfall", reward.Format(draw.Shortfall));
            }

            json.WriteString("eligibleScoreUsd", Asset.Usd.Format(result.EligibleScore));
            json.WriteString("participantCap", reward.Format(result.Totals.ParticipantCap));
            json.WriteNumber("cappedCount", result.Totals.CappedCount);
            json.WriteString("distributed", reward.Format(result.Pool - result.ReturnedToOwner.Amount));
            json.WriteStartObject("returnedToOwner");
            json.WriteString("owner", result.ReturnedToOwner.Owner);
            json.WriteString("amount", reward.Format(result.ReturnedToOwner.Amount));
            json.WriteEndObject();
            json.WriteStartArray("participants");
            foreach (ParticipantReward p in result.Participants)
            {
                json.WriteStartObject();
                json.WriteString("participant", p.Participant);
                json.WriteString("scoreUsd", Asset.Usd.Format(p.Score));
                json.WriteString("proRataShare", reward.Format(p.ProRataShare));
                json.WriteString("capEffect", reward.Format(p.CapEffect));
                json.WriteString("reward", reward.Format(p.Reward));
                json.WriteBoolean("capped", p.Capped);
                json.WriteBoolean("leftProgram", p.LeftProgram);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Returns the epoch as CSV (RFC 4180): one <c>reward</c> line per participant and one <c>returned_to_owner</c> line.</summary>
    /// <param name="result">The settled epoch.</param>
    public static string ToCsv(PoolEpochResult result)
    {
        Preconditions.NotNull(result);
        Asset reward = result.RewardAsset;
        var csv = new StringBuilder();
        csv.Append("epoch,line,participant,score_usd,pro_rata_share,cap_effect,reward,capped,left_program\r\n");
        string epoch = result.EpochIndex.ToString(CultureInfo.InvariantCulture);
        foreach (ParticipantReward p in result.Participants)
        {
            AppendRow(csv, epoch, "reward", p.Participant, Asset.Usd.Format(p.Score), reward.Format(p.ProRataShare), reward.Format(p.CapEffect), reward.Format(p.Reward), Flag(p.Capped), Flag(p.LeftProgram));
        }

        AppendRow(csv, epoch, "returned_to_owner", result.ReturnedToOwner.Owner, string.Empty, string.Empty, string.Empty, reward.Format(result.ReturnedToOwner.Amount), string.Empty, string.Empty);
        return csv.ToString();
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static void AppendRow(StringBuilder csv, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            string field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        csv.Append("\r\n");
    }
}
