package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML reader whose parser tells the anchor of a plain value ({@code memoryMb: &mem 1024}) as it tells a map's or a
 * list's: Jackson 2.18's parser drops it ({@link YAMLParser#getObjectId()} is null for a scalar), so every alias of
 * it ({@code memoryMb: *mem}) was refused as undefined. Jackson 2.21 tells it, but Spark 4.0's Scala module, which
 * the experiments run on, refuses a Jackson newer than 2.18; this is the parser's own SnakeYAML event, read where
 * Jackson leaves it.
 */
final class ScalarAnchors extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    ScalarAnchors(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return _createParser(new CharArrayReader(data, offset, len), ctxt);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return _createParser(_createReader(in, null, ctxt), ctxt);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return _createParser(_createReader(data, offset, len, null, ctxt), ctxt);
    }

    /** The parser: a plain value's anchor is its SnakeYAML event's. */
    private static final class Parser extends YAMLParser {

        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        @Override
        public String getObjectId() throws IOException {
            JsonToken t = currentToken();
            if (t != null && t.isScalarValue() && !_currentIsAlias) {
                return _lastEvent instanceof ScalarEvent s ? s.getAnchor() : null;
            }
            return super.getObjectId();
        }
    }
}
