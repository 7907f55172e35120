using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Targeting.Risk;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>risk stratify</c>: caseload risk for everyone in the stored population.</summary>
public static class RiskCommands
{
    public static Command Create(CliContext context) =>
        new("risk", "Caseload risk stratification of the stored population (docs/methods/risk-stratification.md).") { Stratify(context) };

    private static Command Stratify(CliContext context)
    {
        var command = new Command("stratify", "Score everyone in the stored population with the default model — score with its explanation, eFI, Bridges to Health segment, tier — and store the results; prints how many people are in each tier and segment.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<RiskStratifying>().StratifyAsync(CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var result = answer.Value!;
            var o = context.Output;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"scored {result.People:N0} people with {result.Model} in {result.Scoring.TotalSeconds:0.00} s, stored in {result.Saving.TotalSeconds:0.0} s"));
            foreach (var (tier, people) in result.Tiers)
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"tier     {tier,-40} {people,10:N0}"));
            foreach (var (segment, people) in result.Segments)
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"segment  {segment.Label(),-40} {people,10:N0}"));
            return CliApp.Ok;
        });
        return command;
    }
}
