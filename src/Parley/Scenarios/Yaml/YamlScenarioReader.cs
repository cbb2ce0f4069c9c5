namespace Parley.Scenarios.Yaml;

public static class YamlScenarioReader
{
    public static Scenario ReadFile(string file) => throw new ScenarioFormatException(file, null, "YAML scenarios are not supported yet");
}
