using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;
using NodaTime;

namespace Affiliates.Tests.Settlement;

/// <summary>The subscription program (20 % / 30 % from 50 SOL, sticky, weekly, SOL lamports) and line builders.</summary>
internal static class SettlementFixture
{
    public const string RegistryId = "bot-affiliates";

    public static readonly EpochCalendar Weekly = EpochCalendar.Weekly();

    public static readonly Epoch Week1 = Weekly.EpochContaining(Instant.FromUtc(2026, 11, 22, 0, 0));

    public static readonly Amount OneSol = Asset.Sol.Whole(1);

    public static SettlementTerms Subscription(Amount? minimum = null, DustRule? dust = null) => new(
        ProgramKind.RevenueShare,
        Asset.Sol,
        minimum ?? Asset.Sol.Parse("0.1"),
        dust ?? DustRule.OnlyWhenClosed,
        TierPresets.SubscriptionRevenueShare);

    public static SettlementTerms FeeShare(Amount minimum) =>
        new(ProgramKind.FeeShare, Asset.UsdcSolana, minimum, DustRule.OnlyWhenClosed);

    public static SettlementLine Line(string partner, string eventId, Amount amount, Epoch? epoch = null, int hour = 1, Asset? asset = null) =>
        new(RegistryId, eventId, 0, (epoch ?? Week1).Start + Duration.FromHours(hour), partner, "CODE1", asset ?? Asset.Sol, amount);

    /// <summary>Keys partner states by partner.</summary>
    public static Dictionary<PayeeKey, PartnerState> Partners(Dictionary<string, PartnerState> states) =>
        states.ToDictionary(pair => PayeeKey.Partner(pair.Key), pair => pair.Value);

    public static SettlementRequest Request(SettlementTerms terms, Epoch epoch, params SettlementLine[] lines) =>
        new(RegistryId, epoch, terms, lines, epoch.End);

    public static Epoch Week(int index)
    {
        Epoch epoch = Week1;
        for (int i = 0; i < index; i++)
        {
            epoch = Weekly.Next(epoch);
        }

        return epoch;
    }

    /// <summary>Settles <paramref name="epochs"/> in order, feeding each statement's closing state into the next epoch.</summary>
    public static List<EpochSettlement> SettleInSequence(SettlementTerms terms, params SettlementLine[][] epochs)
    {
        var states = new Dictionary<PayeeKey, PartnerState>();
        var results = new List<EpochSettlement>();
        for (int i = 0; i < epochs.Length; i++)
        {
            EpochSettlement settlement = EpochSettler.Settle(Request(terms, Week(i), epochs[i]) with { PreviousStates = new Dictionary<PayeeKey, PartnerState>(states) });
            foreach (EpochStatement statement in settlement.Statements)
            {
                states[statement.Key] = PartnerState.After(statement);
            }

            results.Add(settlement);
        }

        return results;
    }
}
