using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Dials.Storage.Sql.Tests.PostgresAwareTestFramework", "Dials.Storage.Sql.Tests")]

namespace Dials.Storage.Sql.Tests;

/// <summary>
/// xunit's own framework, except that every test of a class marked <see cref="NeedsPostgresAttribute"/> is reported
/// as skipped, with <see cref="PostgresDatabase.SkipReason"/>, when no server is configured.
/// </summary>
/// <remarks>xunit 2 has no run-time skip (Assert.Skip is xunit 3), and the contract tests are inherited
/// <c>[Fact]</c>s whose attribute a derived class cannot change, so the skip is decided at discovery.</remarks>
public sealed class PostgresAwareTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var skip = PostgresDatabase.SkipReason;
            var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute).AssemblyQualifiedName).Any();
            if (skip is null || !needsPostgres || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var skipped = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, skip);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
