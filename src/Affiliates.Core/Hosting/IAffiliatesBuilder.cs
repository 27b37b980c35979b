using Microsoft.Extensions.DependencyInjection;

namespace Affiliates.Hosting;

/// <summary>Returned by <c>AddAffiliates</c>; adapter packages hang their <c>Use…</c>/<c>Add…</c> extensions on it.</summary>
public interface IAffiliatesBuilder
{
    /// <summary>Gets the service collection being configured.</summary>
    IServiceCollection Services { get; }
}
