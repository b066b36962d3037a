import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DeploymentSettingsError, readDeploymentSettings } from '../../infra/DeploymentSettings.ts';

const contextOf = (values: Record<string, unknown>) => ({ tryGetContext: (key: string) => values[key] });

describe('readDeploymentSettings', () => {
  it('uses the defaults when no context is set', () => {
    expect(readDeploymentSettings(contextOf({}))).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      detector: 'comprehend-medical',
      ocr: 'rekognition',
      retentionDays: 30,
      removalPolicy: 'retain',
    });
  });

  it('reads strings from `-c key=value` and JSON values from cdk.json', () => {
    expect(
      readDeploymentSettings(
        contextOf({
          detector: 'union',
          ocr: 'tesseract',
          retentionDays: '14',
          inputRetentionDays: 2,
          removalPolicy: 'destroy',
          xray: 'true',
          exampleClientRole: true,
          corsOrigins: 'https://a.example, https://b.example',
          maskFill: '#fff',
        }),
      ),
    ).toEqual({
      detector: 'union',
      ocr: 'tesseract',
      retentionDays: 14,
      inputRetentionDays: 2,
      removalPolicy: 'destroy',
      xray: true,
      exampleClientRole: true,
      appUsers: true,
      corsOrigins: ['https://a.example', 'https://b.example'],
      maskFill: '#fff',
    });
  });

  it('reports every bad value at once', () => {
    let caught: unknown;
    try {
      readDeploymentSettings(
        contextOf({
          detector: 'regex',
          ocr: 'textract',
          retentionDays: '0',
          xray: 'yes',
          maskFill: 'black',
          removalPolicy: 'snapshot',
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeploymentSettingsError);
    expect((caught as DeploymentSettingsError).problems).toHaveLength(6);
    expect((caught as Error).message).toContain('detector must be one of comprehend-medical, local, union');
  });
});

describe('readDeploymentSettings: app users and retention', () => {
  it('turns app users on by default, and off with appUsers=false', () => {
    expect(readDeploymentSettings(contextOf({})).appUsers).toBe(true);
    expect(readDeploymentSettings(contextOf({ appUsers: 'false' })).appUsers).toBe(false);
    expect(() => readDeploymentSettings(contextOf({ appUsers: 'no' }))).toThrow(
      expect.objectContaining({ problems: ['appUsers must be true or false'] }),
    );
  });

  it('never lets inputs outlive their jobs: a shorter retentionDays shortens the default input retention, and a longer one given is refused', () => {
    expect(readDeploymentSettings(contextOf({ retentionDays: '3' }))).toMatchObject({
      retentionDays: 3,
      inputRetentionDays: 3,
    });
    expect(readDeploymentSettings(contextOf({ retentionDays: '60' }))).toMatchObject({
      retentionDays: 60,
      inputRetentionDays: 7,
    });
    expect(() => readDeploymentSettings(contextOf({ retentionDays: '5', inputRetentionDays: '6' }))).toThrow(
      expect.objectContaining({ problems: ['inputRetentionDays must not exceed retentionDays'] }),
    );
  });
});
