using System.Reflection;
using Commonweal.Core.Places;

namespace Commonweal.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Core_references_nothing_but_the_base_class_library()
    {
        var references = typeof(AreaCode).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !(n == "netstandard" || n == "mscorlib" || n.StartsWith("System", StringComparison.Ordinal) || n.StartsWith("Microsoft.Win32", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void Core_types_do_not_mention_persistence_or_web_namespaces()
    {
        var offenders = typeof(AreaCode).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetProperties().Select(p => p.PropertyType)))
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }
}
