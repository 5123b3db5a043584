using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case services and their validators.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
