using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PolytomicPS
{
    /// <summary>Runs when PowerShell imports the module: from here on Polytomic.Client and its third-party
    /// dependencies come from the module's own dependencies/ folder, never from another module's copies.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <summary>Installs the resolvers (once per process).</summary>
        public void OnImport() => DependencyIsolation.Install();
    }

    /// <summary>Dependency isolation. PolytomicPS.dll is loaded by PowerShell into the default context and sits alone
    /// at the module root; everything else (Polytomic.Client, System.Text.Json, Polly.Core, …) is in dependencies/,
    /// where PowerShell's own probing does not look, so nothing reaches them except these resolvers:
    /// - PowerShell 7 (.NET): an AssemblyLoadContext made by reflection (this assembly is netstandard2.0) holds every
    ///   dependency the runtime does not already provide at the same or a higher version (System.Memory and the other
    ///   netstandard shims are then the runtime's own; System.Text.Json 8 is ours on .NET 6, e.g. Azure Automation's
    ///   7.2). The default context's Resolving event hands PolytomicPS.dll the context's Polytomic.Client, so output
    ///   objects are ordinary types; a host that already ships Polytomic.Client (the tests) keeps its own copy.
    /// - Windows PowerShell 5.1 (.NET Framework): AppDomain.AssemblyResolve answers only for the files we ship and only
    ///   when the request comes from one of our assemblies, loading them with LoadFile beside other modules' copies.
    /// Cmdlet types must not derive from or implement Polytomic.Client types: PowerShell loads the exported types
    /// before it calls OnImport.</summary>
    internal static class DependencyIsolation
    {
        public const string FolderName = "dependencies";
        public const string ContextName = "PolytomicPS";

        private static readonly object gate = new object();
        private static readonly Dictionary<string, Assembly> loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static Dictionary<string, string> files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private static bool installed, dependenciesLoaded;
        private static MethodInfo? loadFromPath;

        /// <summary>The isolated AssemblyLoadContext on .NET, null on .NET Framework or before import.</summary>
        internal static object? Context { get; private set; }

        public static void Install()
        {
            lock (gate)
            {
                if (installed) return;
                installed = true;
                var root = Path.GetDirectoryName(typeof(DependencyIsolation).Assembly.Location) ?? "";
                var folder = Path.Combine(root, FolderName);
                if (!Directory.Exists(folder)) return; // a build output run in place: the runtime's probing is enough
                files = Directory.GetFiles(folder, "*.dll").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.OrdinalIgnoreCase);

                var alc = Type.GetType("System.Runtime.Loader.AssemblyLoadContext");
                if (alc != null) InstallCore(alc);
                else AppDomain.CurrentDomain.AssemblyResolve += ResolveDesktop;
            }
        }

        private static void InstallCore(Type alc)
        {
            // Only the context and the resolver here: the dependencies load when PolytomicPS.dll first needs
            // Polytomic.Client (the first cmdlet run), not at import, which every runbook job pays afresh.
            Context = alc.GetConstructor(new[] { typeof(string), typeof(bool) })!.Invoke(new object[] { ContextName, false });
            loadFromPath = alc.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            var defaultContext = alc.GetProperty("Default")!.GetValue(null);
            var resolving = alc.GetEvent("Resolving")!;
            var method = typeof(DependencyIsolation).GetMethod(nameof(ResolveCore), BindingFlags.NonPublic | BindingFlags.Static)!;
            resolving.AddEventHandler(defaultContext, Delegate.CreateDelegate(resolving.EventHandlerType!, method));
        }

        /// <summary>Under the gate, on the first resolve: loads every dependency the host does not provide at the same or
        /// a higher version into the context, all at once. A context answers from what it has loaded before it asks the
        /// default context, so a different copy another module put there can never be picked for us.</summary>
        private static void LoadDependencies()
        {
            if (dependenciesLoaded) return;
            dependenciesLoaded = true;
            var provided = HostAssemblies();
            foreach (var file in files)
            {
                // Our version is read only for a name the host also has (opening a file costs a cold start).
                if (provided.TryGetValue(file.Key, out var theirs) && theirs >= AssemblyName.GetAssemblyName(file.Value).Version) continue;
                loaded[file.Key] = (Assembly)loadFromPath!.Invoke(Context, new object[] { file.Value })!;
            }
        }

        /// <summary>The assemblies the host application itself provides (the runtime's, plus the app's own), by name.</summary>
        private static Dictionary<string, Version> HostAssemblies()
        {
            var result = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (var path in tpa.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!files.ContainsKey(name)) continue;
                try { result[name] = AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0); }
                catch (Exception ex) when (ex is BadImageFormatException || ex is IOException) { /* not a managed file */ }
            }
            return result;
        }

        // Bound by reflection to Func<AssemblyLoadContext, AssemblyName, Assembly?> (parameter contravariance).
        private static Assembly? ResolveCore(object context, AssemblyName name)
        {
            if (name.Name == null || !files.ContainsKey(name.Name)) return null;
            lock (gate)
            {
                LoadDependencies();
                return loaded.TryGetValue(name.Name, out var a) ? a : null;
            }
        }

        private static Assembly? ResolveDesktop(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (name.Name == null || !files.TryGetValue(name.Name, out var path)) return null;
            var requester = args.RequestingAssembly;
            if (requester != null && requester != typeof(DependencyIsolation).Assembly && !IsOurs(requester)) return null;
            lock (gate)
            {
                if (!loaded.TryGetValue(name.Name, out var a)) loaded[name.Name] = a = Assembly.LoadFile(path);
                return a;
            }
        }

        private static bool IsOurs(Assembly assembly)
        {
            lock (gate) return loaded.Values.Contains(assembly);
        }
    }
}
