using Affiliates.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Affiliates.AspNetCore;

/// <summary>Adds referral links to a web host: <c>AddReferralLinks</c> on the affiliates builder, <c>UseReferralLinks</c> in the pipeline.</summary>
public static class ReferralLinksExtensions
{
    /// <summary>Registers the referral-link options (validated at start, every problem reported at once).</summary>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the registry and, optionally, the parameter, cookie, bot rule and timeout.</param>
    /// <returns>The same builder.</returns>
    public static IAffiliatesBuilder AddReferralLinks(this IAffiliatesBuilder builder, Action<ReferralLinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ReferralLinkOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralLinkOptions>, ReferralLinkOptionsValidator>());
        return builder;
    }

    /// <summary>
    /// Records visits through referral links (<c>?ref=</c>) and sets the attribution cookie. Put it before the
    /// endpoints and pages that links land on, and after forwarded-headers handling so that the client's IP is hashed.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    /// <exception cref="InvalidOperationException"><c>AddReferralLinks</c> was not called.</exception>
    public static IApplicationBuilder UseReferralLinks(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<IValidateOptions<ReferralLinkOptions>>() is null)
        {
            throw new InvalidOperationException("UseReferralLinks needs services.AddAffiliates(...).AddReferralLinks(options => options.RegistryId = ...).");
        }

        return app.UseMiddleware<ReferralLinkMiddleware>();
    }
}
