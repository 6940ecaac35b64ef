import * as assert from 'node:assert/strict';
import { deployedTags, imageNameOf, imageTagOf } from '../../../src/core/rollback';

describe('rollback image tags', () => {
  it('reads the tag of an image reference, registry ports included', () => {
    assert.equal(imageTagOf('app:v1.0.0'), 'v1.0.0');
    assert.equal(imageTagOf('localhost:5000/team/app:v2'), 'v2');
    assert.equal(imageTagOf('localhost:5000/team/app'), undefined);
    assert.equal(imageTagOf('app@sha256:abc'), undefined);
    assert.equal(imageNameOf('localhost:5000/app:v2'), 'localhost:5000/app');
  });

  it('finds DOCKER_TAG / IMAGE_TAG assignments with literal values only', () => {
    assert.deepEqual(deployedTags('DOCKER_TAG=v2.0.0 docker-compose -f a.yml up -d'), ['v2.0.0']);
    assert.deepEqual(deployedTags('export IMAGE_TAG="v1.1.0"'), ['v1.1.0']);
    assert.deepEqual(deployedTags('DOCKER_TAG=$PREVIOUS_TAG docker-compose up -d'), []);
    assert.deepEqual(deployedTags('echo MY_DOCKER_TAG=v9'), []);
  });

  it('finds compose `image:` lines and the image of docker run, skipping flag values', () => {
    assert.deepEqual(deployedTags("cat > c.yml <<EOF\nservices:\n  web:\n    image: app:v1.2.0\nEOF"), ['v1.2.0']);
    assert.deepEqual(deployedTags('docker run -d --rm --name web -p 8080:80 -e A=B app:v3 serve'), ['v3']);
    assert.deepEqual(deployedTags('docker run --name=web -it localhost:5000/app:v4'), ['v4']);
    assert.deepEqual(deployedTags('docker ps -a'), []);
  });
});
