using Affiliates.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Affiliates.AspNetCore.Tests;

public sealed class ReferralLinkOptionsTests
{
    [Fact]
    public void BadOptions_AreAllReportedAtOnce()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddReferralLinks(options =>
        {
            options.QueryParameter = " ";
            options.CookieName = "bad name;";
            options.CookiePath = "relative";
            options.CookieDomain = "a b";
            options.MaxRefLength = 0;
            options.ClickTimeout = TimeSpan.Zero;
            options.BotMarkers.Add(string.Empty);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReferralLinkOptions>>().Value);

        foreach (string field in new[] { "RegistryId", "QueryParameter", "CookieName", "CookiePath", "CookieDomain", "MaxRefLength", "ClickTimeout", "BotMarkers" })
        {
            Assert.Contains(error.Failures, failure => failure.StartsWith(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UseReferralLinks_WithoutAddReferralLinks_SaysWhatIsMissing()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAffiliates();
        using WebApplication app = builder.Build();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => app.UseReferralLinks());

        Assert.Contains("AddReferralLinks", error.Message, StringComparison.Ordinal);
    }
}
