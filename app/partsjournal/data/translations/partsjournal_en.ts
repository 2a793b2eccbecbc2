<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>%n parts</source>
            <translation>
                <numerusform>%n part</numerusform>
                <numerusform>%n parts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InsightsView</name>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n parts showed up</source>
            <translation>
                <numerusform>%n part showed up</numerusform>
                <numerusform>%n parts showed up</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ratings, averaging %1.</source>
            <translation>
                <numerusform>%n rating, Self-energy %1.</numerusform>
                <numerusform>%n ratings, averaging %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JournalView</name>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergePartsDialog</name>
        <message numerus="yes">
            <source>• %n entries move over.</source>
            <translation>
                <numerusform>• %n entry moves over.</numerusform>
                <numerusform>• %n entries move over.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• %n entries already had both parts; their notes are combined.</source>
            <translation>
                <numerusform>• %n entry already had both parts; their notes are combined.</numerusform>
                <numerusform>• %n entries already had both parts; their notes are combined.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• %n relationships move over.</source>
            <translation>
                <numerusform>• %n relationship moves over.</numerusform>
                <numerusform>• %n relationships move over.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• %n relationships are dropped: they would repeat one the kept part has, or link it with itself.</source>
            <translation>
                <numerusform>• %n relationship is dropped: it would repeat one the kept part has, or link it with itself.</numerusform>
                <numerusform>• %n relationships are dropped: they would repeat one the kept part has, or link it with itself.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>• %n stage events join its history.</source>
            <translation>
                <numerusform>• %n stage event joins its history.</numerusform>
                <numerusform>• %n stage events join its history.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PartsView</name>
        <message numerus="yes">
            <source>This part shows up in %n journal entries. Double-click one or press Enter to open it.</source>
            <translation>
                <numerusform>This part shows up in %n journal entry. Double-click it or press Enter to open it.</numerusform>
                <numerusform>This part shows up in %n journal entries. Double-click one or press Enter to open it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QualitiesChart</name>
        <message numerus="yes">
            <source>%1 · %n ratings</source>
            <translation>
                <numerusform>%1 · %n rating</numerusform>
                <numerusform>%1 · %n ratings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchView</name>
        <message numerus="yes">
            <source>%n results</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message numerus="yes">
            <source>%n minutes</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WordCount</name>
        <message numerus="yes">
            <source>%n words</source>
            <translation>
                <numerusform>%n word</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
    </context>
</TS>
