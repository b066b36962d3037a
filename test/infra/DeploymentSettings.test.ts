import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DeploymentSettingsError, readDeploymentSettings } from '../../infra/DeploymentSettings.ts';

const contextOf = (values: Record<string, unknown>) => ({ tryGetContext: (key: string) => values[key] });

describe('readDeploymentSettings', () => {
  it('uses the defaults when no context is set', () => {
    expect(readDeploymentSettings(contextOf({}))).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ detector: 'comprehend-medical', ocr: 'rekognition', retentionDays: 30, removalPolicy: 'retain' });
  });

  it('reads strings from `-c key=value` and JSON values from cdk.json', () => {
    expect(readDeploymentSettings(contextOf({
      detector: 'union', ocr: 'tesseract', retentionDays: '14', inputRetentionDays: 2, removalPolicy: 'destroy',
      xray: 'true', exampleClientRole: true, corsOrigins: 'https://a.example, https://b.example', maskFill: '#fff',
    }))).toEqual({
      detector: 'union', ocr: 'tesseract', retentionDays: 14, inputRetentionDays: 2, removalPolicy: 'destroy',
      xray: true, exampleClientRole: true, corsOrigins: ['https://a.example', 'https://b.example'], maskFill: '#fff',
    });
  });

  it('reports every bad value at once', () => {
    let caught: unknown;
    try {
      readDeploymentSettings(contextOf({ detector: 'regex', ocr: 'textract', retentionDays: '0', xray: 'yes', maskFill: 'black', removalPolicy: 'snapshot' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeploymentSettingsError);
    expect((caught as DeploymentSettingsError).problems).toHaveLength(6);
    expect((caught as Error).message).toContain('detector must be one of comprehend-medical, local, union');
  });
});
