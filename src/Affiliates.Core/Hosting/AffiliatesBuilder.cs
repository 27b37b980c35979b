using Microsoft.Extensions.DependencyInjection;

namespace Affiliates.Hosting;

internal sealed class AffiliatesBuilder(IServiceCollection services) : IAffiliatesBuilder
{
    public IServiceCollection Services { get; } = services;
}
