using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using PolytomicPS.HelpGen;

// PolytomicPS.HelpGen STAGED_MODULE_DIR PolytomicPS.xml about_PolytomicPS.md [PAGES_DIR]
// The per-cmdlet Markdown pages go to PAGES_DIR, by default the cmdlets folder beside the about topic (docs/cmdlets).
if (args.Length != 3 && args.Length != 4)
{
    Console.Error.WriteLine("usage: PolytomicPS.HelpGen STAGED_MODULE_DIR DOC_XML ABOUT_MD [PAGES_DIR]");
    return 2;
}
var stage = Path.GetFullPath(args[0]);
var moduleDll = Path.Combine(stage, "PolytomicPS.dll");
if (!File.Exists(moduleDll)) { Console.Error.WriteLine($"HelpGen: {moduleDll} not found (build src/PolytomicPS first)."); return 3; }

// The staged module keeps its dependencies in dependencies/: let reflection find them there.
AssemblyLoadContext.Default.Resolving += (_, name) =>
{
    foreach (var dir in new[] { stage, Path.Combine(stage, "dependencies") })
    {
        var path = Path.Combine(dir, name.Name + ".dll");
        if (File.Exists(path)) return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
    return null;
};

var assembly = Assembly.LoadFrom(moduleDll);
var docs = DocComments.Load(args[1]);
var help = Path.Combine(stage, "en-US");
Directory.CreateDirectory(help);
var maml = Path.Combine(help, "PolytomicPS.dll-Help.xml");
int count;
try { count = MamlWriter.Write(assembly, docs, maml); }
catch (InvalidOperationException ex) { Console.Error.WriteLine("HelpGen: " + ex.Message); return 4; }
var pages = args.Length == 4 ? Path.GetFullPath(args[3]) : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(args[2]))!, "cmdlets");
MarkdownWriter.Write(maml, pages);
File.WriteAllText(Path.Combine(help, "about_PolytomicPS.help.txt"), AboutTopic.FromMarkdown(File.ReadAllText(args[2])));
Console.WriteLine($"HelpGen: help for {count} cmdlets and about_PolytomicPS in {help}; pages in {pages}");
return 0;
