using Affiliates.Settlement;

namespace Affiliates.Tests.Settlement;

/// <summary>A generated single-epoch settlement input.</summary>
internal sealed record SettlementCase(
    SettlementTerms Terms,
    SettlementLine[] Lines,
    Dictionary<string, PartnerState> States,
    Dictionary<string, int> Referrals,
    HashSet<string> Closing,
    int ShuffleSeed)
{
    public SettlementRequest Request(Epoch epoch) => SettlementFixture.Request(Terms, epoch, Lines) with
    {
        PreviousStates = SettlementFixture.Partners(States),
        Referrals = Referrals,
        ClosingPartners = Closing,
    };

    public override string ToString() =>
        $"{Terms.Kind} min={Terms.MinimumPayout} dust={Terms.Dust.IdleEpochs} metric={Terms.TierMetric} "
        + $"lines=[{string.Join(", ", Lines.Select(l => $"{l.Partner}:{l.EventId}#{l.Sequence}@{l.OccurredAt}={l.Amount}"))}] "
        + $"states=[{string.Join(", ", States.Select(s => $"{s.Key}:{s.Value}"))}] "
        + $"referrals=[{string.Join(", ", Referrals.Select(r => $"{r.Key}:{r.Value}"))}] closing=[{string.Join(", ", Closing)}]";
}
